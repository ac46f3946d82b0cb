"""Report pages, nine in ten of a site's pages, rendered in worker processes: template, then HTML.

Each report page depends only on its report, the corpus (titles of the cases it links to) and its related cases,
so the pages are independent and are rendered on every core (generator.parallel); a few hundred are rendered
here, where starting workers would cost more than it saves. Pages whose inputs did not change since the last build
come from the page cache (generator.pages.pagecache) instead.
"""

from __future__ import annotations

import dataclasses

from generator.corpus import Corpus
from generator.pages import GeneratedPage, SiteOptions
from generator.pages.html import to_html
from generator.pages.pagecache import PageCache, page_keys
from generator.pages.report_page import report_page
from generator.parallel import Pending, start_map
from generator.urls import report_src

_state: tuple | None = None


def report_pages(corpus: Corpus, options: SiteOptions, related: dict[str, list], *, jobs: int = 1,
                 progress=None, cache: PageCache | None = None) -> Pending | CachedPending:
    """Start rendering the page of every report that has one; `.results()` gives them in corpus order.
    `related` maps an ID to its RelatedItems; pages found in `cache` are not rendered again."""
    ids = [report.id for report in corpus.reports if report.has_page]
    keys, cached = {}, {}
    if cache is not None:
        key = page_keys(corpus.taxonomy, options)
        keys = {case: _key(key, corpus, case, related) for case in ids}
        found = cache.get(list(keys.values()))
        cached = {case: found[key] for case, key in keys.items() if key in found}
    missing = [case for case in ids if case not in cached]
    # Fork: the workers inherit the corpus (a site build runs no other thread while pages are generated).
    pending = start_map(_render, missing, jobs=jobs, progress=progress, initializer=_start,
                        initargs=(corpus, options, related), start_method="fork")
    return pending if cache is None else CachedPending(pending, ids, keys, cached, cache, progress)


class CachedPending:
    """Report pages partly from the page cache, partly being rendered; the cache gets the new ones at the end."""

    def __init__(self, pending: Pending, ids: list[str], keys: dict[str, str], cached: dict[str, GeneratedPage],
                 cache: PageCache, progress) -> None:
        self.pending, self.ids, self.keys, self.cached, self.cache = pending, ids, keys, cached, cache
        self.progress = progress

    def results(self, each=None) -> list[GeneratedPage]:
        """Every page in corpus order; `each(page)` is called on the cached ones first, then as the others come."""
        for page in self.cached.values() if each is not None else ():
            each(page)
        if self.progress is not None and self.cached:
            self.progress.advance(len(self.cached))
        rendered = {page.src_uri: page for page in self.pending.results(each)}
        by_id = {case: self.cached.get(case) or rendered[report_src(case)] for case in self.ids}
        self.cache.keep({self.keys[case]: page for case, page in by_id.items()},
                        rendered={self.keys[case] for case in self.ids if case not in self.cached})
        return list(by_id.values())

    def cancel(self) -> None:
        self.pending.cancel()

    @property
    def hits(self) -> int:
        return len(self.cached)


def with_html(page: GeneratedPage, options: SiteOptions) -> GeneratedPage:
    """The page with its body rendered to HTML, when the site's Markdown settings are known."""
    if options.markdown is None or page.front is None:
        return page
    return dataclasses.replace(page, rendered=to_html(page.body, options.markdown))


def _start(corpus: Corpus, options: SiteOptions, related: dict[str, list]) -> None:
    global _state
    _state = (corpus, options, related)


def _render(report_id: str) -> GeneratedPage:
    corpus, options, related = _state
    page = report_page(corpus.by_id[report_id], corpus, options, related.get(report_id, []))
    return with_html(page, options)


def _key(key, corpus: Corpus, case: str, related: dict[str, list]) -> str:
    """Everything `report_page` reads for one case besides the taxonomy and the options (see
    generator.pages.pagecache)."""
    report = corpus.by_id[case]
    replacement = corpus.by_id.get(report.superseded_by) if report.superseded_by else None
    supplemental = [corpus.by_id.get(other) for other in report.supersedes]
    return key(report, report.body, related.get(case, []), replacement, supplemental)

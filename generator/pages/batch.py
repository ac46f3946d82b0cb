"""Report pages, nine in ten of a site's pages, rendered in worker processes: template, then HTML.

Each report page depends only on its report, the corpus (titles of the cases it links to) and its related cases,
so the pages are independent and are rendered on every core (generator.parallel); a few hundred are rendered
here, where starting workers would cost more than it saves.
"""

from __future__ import annotations

import dataclasses

from generator.corpus import Corpus
from generator.pages import GeneratedPage, SiteOptions
from generator.pages.html import to_html
from generator.pages.report_page import report_page
from generator.parallel import Pending, start_map

_state: tuple | None = None


def report_pages(corpus: Corpus, options: SiteOptions, related: dict[str, list], *, jobs: int = 1,
                 progress=None) -> Pending:
    """Start rendering the page of every report that has one; `.results()` gives them in corpus order.
    `related` maps an ID to its RelatedItems."""
    ids = [report.id for report in corpus.reports if report.has_page]
    # Fork: the workers inherit the corpus (a site build runs no other thread while pages are generated).
    return start_map(_render, ids, jobs=jobs, progress=progress, initializer=_start,
                     initargs=(corpus, options, related), start_method="fork")


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

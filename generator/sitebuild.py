"""One build of the site: content -> corpus -> pages -> search index. The MkDocs plugin drives it."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path

from generator.analysis.site import analyse_for_site, site_themes
from generator.errors import NearmissError
from generator.loader import load_content
from generator.pages import GeneratedPage, SiteOptions
from generator.pages.html import MarkdownSettings
from generator.pages.pagecache import PageCache
from generator.pages.site import fill_placeholders, generate_blocks, generate_pages
from generator.parallel import default_jobs
from generator.privacy.gate import gate_problems
from generator.progress import Progress
from generator.reportcache import default_cache_dir
from generator.pages.render import fill_blocks
from generator.search_index import LiveIndex, searched_blocks
from generator.urls import page_url
from generator.timing import StageTimes

# The element of overrides/report.html that Pagefind indexes; only public report pages use that template.
INDEXED_REGION = '<div class="nm-report" data-pagefind-body>{}</div>'


class SiteBuild:
    """Loads and validates the corpus once, then serves pages, blocks and indexing to the plugin.

    Reports come from the report cache that `nearmiss check` (run by `nearmiss build` just before) filled, so
    the build parses and scans only what changed since.
    """

    def __init__(self, content_dir: Path | str, options: SiteOptions, k: int) -> None:
        self.options = options
        self.times = StageTimes()
        loaded = load_content(content_dir, scan=True, cache_dir=default_cache_dir(content_dir), jobs=default_jobs(),
                              times=self.times, label="build")
        self.corpus = loaded.corpus
        if self.corpus.problems:
            raise NearmissError(self.corpus.problems)
        with self.times.stage("gate"):
            self.gate_problems = gate_problems(self.corpus, k, loaded.findings)
        if self.gate_problems and not options.preview:
            raise NearmissError(self.gate_problems)
        self.themes = site_themes(self.corpus)  # a bad themes.yml stops the build here, with its line
        self._blocks = generate_blocks(self.corpus, options)
        self._index: LiveIndex | None = None
        self._language, self.indexed_early = "en", False
        _keep()

    def pages(self, markdown: MarkdownSettings | None = None, index: bool = False,
              language: str = "en") -> list[GeneratedPage]:
        """Every generated page, in a deterministic order; rendered to HTML too with the site's `markdown`.

        With `index` (and `markdown`), each public report page goes to Pagefind as soon as it is rendered, so
        that Pagefind indexes while the rest of the site is made (`indexed_early`); otherwise the plugin sends
        them as MkDocs renders them (`index_page`)."""
        analysis = analyse_for_site(self.corpus, cache_dir=default_cache_dir(self.corpus.content_dir),
                                    themes=self.themes, times=self.times)
        self.times.notes["analysis_mode"] = analysis.mode
        options = dataclasses.replace(self.options, markdown=markdown)
        count = sum(1 for report in self.corpus.reports if report.has_page)
        with self.times.stage("pages"), Progress("build: generating pages", count, unit="pages") as progress:
            each = self._index_generated if index and markdown is not None else None
            self._language = language
            cache = PageCache.for_content(default_cache_dir(self.corpus.content_dir), self.corpus.content_dir)
            try:
                pages = generate_pages(self.corpus, options, analysis, progress=progress, jobs=default_jobs(),
                                       each_report=each, page_cache=cache)
            finally:
                if cache is not None:
                    cache.close()
            self.times.notes.update(report_pages=count, report_pages_from_cache=cache.hits if cache else 0)
        if each is not None:
            self.indexed_early = True
            if self._index is None:  # no public report at all: an empty index still
                self.start_index(language)
        _keep()
        return pages

    def fill(self, markdown: str, page_url: str) -> str:
        """Fill `<!-- nearmiss:... -->` placeholders in a hand-written page."""
        return fill_placeholders(markdown, page_url, self._blocks)

    def _index_generated(self, page: GeneratedPage) -> None:
        if page.rendered is None or page.front is None or page.front.get("template") != "report.html":
            return
        if self._index is None:  # started here, once the page workers have been forked
            self.start_index(self._language)
        self.index_page(page_url(page.src_uri), fill_blocks(page.rendered.html, searched_blocks(page.blocks)))

    def start_index(self, language: str = "en") -> None:
        """Start Pagefind, which indexes pages (`index_page`) while the rest of the site renders."""
        self._index = LiveIndex(language)

    def index_page(self, url: str, content_html: str) -> None:
        """Send one public report page's rendered content (the region `overrides/report.html` marks)."""
        self._index.add("/" + url.lstrip("/"), INDEXED_REGION.format(content_html))

    def finish_index(self, site_dir: Path | str) -> int:
        """Write the Pagefind bundle into the finished site; return the number of pages indexed."""
        with self.times.stage("pagefind"):
            pages = self._index.write(site_dir)
        self.times.notes["pagefind_pages"] = pages
        self.times.notes["pagefind_peak_rss_mb"] = round(self._index.peak_rss_mb, 1)
        return pages

    def abort_index(self) -> None:
        if self._index is not None:
            self._index.close()


def _keep() -> None:
    """The corpus, and then the pages, live until the build ends: move them out of the garbage collector's
    sight, so that it does not walk them again and again (a few percent of a 30,000-report build) and so that
    forked workers share their memory instead of copying it (`gc.freeze`)."""
    gc.collect()
    gc.freeze()

"""One build of the site: content -> corpus -> pages -> search index. The MkDocs plugin drives it."""

from __future__ import annotations

from pathlib import Path

from generator.analysis.cache import default_cache_dir
from generator.analysis.site import analyse_for_site, site_themes
from generator.corpus import load_corpus
from generator.errors import NearmissError
from generator.privacy.gate import gate_problems
from generator.pages import GeneratedPage, SiteOptions
from generator.pages.site import fill_placeholders, generate_blocks, generate_pages
from generator.search_index import index_site
from generator.timing import StageTimes


class SiteBuild:
    """Loads and validates the corpus once, then serves pages, blocks and indexing to the plugin."""

    def __init__(self, content_dir: Path | str, options: SiteOptions, k: int) -> None:
        self.options = options
        self.times = StageTimes()
        with self.times.stage("load"):
            self.corpus = load_corpus(content_dir)
        if self.corpus.problems:
            raise NearmissError(self.corpus.problems)
        with self.times.stage("gate"):
            self.gate_problems = gate_problems(self.corpus, k)
        if self.gate_problems and not options.preview:
            raise NearmissError(self.gate_problems)
        self.themes = site_themes(self.corpus)  # a bad themes.yml stops the build here, with its line
        self._blocks = generate_blocks(self.corpus, options)

    def pages(self) -> list[GeneratedPage]:
        """Every generated page, in a deterministic order."""
        with self.times.stage("analysis"):
            analysis = analyse_for_site(self.corpus, cache_dir=default_cache_dir(self.corpus.content_dir),
                                        themes=self.themes)
        with self.times.stage("pages"):
            return generate_pages(self.corpus, self.options, analysis)

    def fill(self, markdown: str, page_url: str) -> str:
        """Fill `<!-- nearmiss:... -->` placeholders in a hand-written page."""
        return fill_placeholders(markdown, page_url, self._blocks)

    def index(self, site_dir: Path | str) -> int:
        """Build the Pagefind index of the finished site."""
        with self.times.stage("pagefind"):
            return index_site(site_dir)

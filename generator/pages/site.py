"""Everything the plugin adds to a site: generated pages, and blocks that fill placeholders in written pages."""

from __future__ import annotations

from collections.abc import Callable

from generator.corpus import Corpus
from generator.editorial import current_feature, load_featured, load_packets
from generator.errors import NearmissError
from generator.pages import GeneratedPage, SiteOptions
from generator.pages.analysis_pages import analysis_page
from generator.pages.batch import report_pages, with_html
from generator.pages.card import filter_counts, filter_labels
from generator.pages.data_pages import data_pages
from generator.pages.facets import facet_pages
from generator.pages.feed_pages import feed_pages
from generator.pages.listing import browse_pages
from generator.pages.pagecache import PageCache
from generator.pages.packets import packet_pages
from generator.pages.receipts import receipts_page
from generator.pages.render import markdown_page, render
from generator.pages.themes import related_items, theme_pages

# A placeholder in a hand-written page, such as `<!-- nearmiss:latest-cases -->`, is replaced by its block.
PLACEHOLDER = "<!-- nearmiss:{name} -->"


def generate_pages(corpus: Corpus, options: SiteOptions, analysis=None, progress=None, jobs: int = 1,
                   each_report: Callable[[GeneratedPage], None] | None = None,
                   page_cache: PageCache | None = None) -> list[GeneratedPage]:
    """All generated pages for a corpus, in a deterministic order. `analysis` (related links and themes) is
    computed without a cache when not given; report pages come from `page_cache` where they are unchanged and
    are otherwise rendered by `jobs` processes, and handed to `each_report` as soon as each is ready;
    `progress` advances once per report page."""
    if analysis is None:
        from generator.analysis.site import analyse_for_site

        analysis = analyse_for_site(corpus)
    related = {report.id: related_items(analysis.related.get(report.id, []), corpus) for report in corpus.public}
    pending = report_pages(corpus, options, related, jobs=jobs, progress=progress, cache=page_cache)
    try:  # the other pages are made here while worker processes render the report pages
        pages = _other_pages(corpus, options, analysis)
    except BaseException:
        pending.cancel()
        raise
    return pending.results(each_report) + pages


def _other_pages(corpus: Corpus, options: SiteOptions, analysis) -> list[GeneratedPage]:
    pages = browse_pages(corpus, options)
    pages.append(search_page(corpus))
    pages += theme_pages(corpus, analysis) + facet_pages(corpus, options)
    pages += feed_pages(corpus, options, analysis.themes)
    pages += data_pages(corpus, options)
    pages.append(analysis_page(corpus.public, corpus.taxonomy, options.k))
    pages += packet_pages(corpus, _checked(load_packets(corpus.content_dir, set(corpus.by_id))), options)
    pages.append(receipts_page(corpus))
    return [with_html(page, options) for page in pages]


# Up to this many cases the search page loads every filter's data at once (to show how many results have each
# value); beyond, a filter's data (about 2 bytes per case and filter) is loaded when a search uses it.
EAGER_FILTERS = 2000


def search_page(corpus: Corpus) -> GeneratedPage:
    public = corpus.public
    body = render("search.md.j2", "search/", filters=filter_labels(corpus.taxonomy),
                  counts=filter_counts(public, corpus.taxonomy), eager=len(public) <= EAGER_FILTERS)
    return GeneratedPage("search.md", markdown_page({"title": "Search", "hide": ["toc"]}, body))


def generate_blocks(corpus: Corpus, options: SiteOptions) -> dict[str, Callable[[str], str]]:
    """Blocks by name; each takes the URL of the page it is placed on (links are relative)."""
    latest = corpus.newest_first()[: options.latest]
    feature = current_feature(_checked(load_featured(corpus.content_dir, set(corpus.by_id))))
    featured_report = corpus.by_id.get(feature.case) if feature else None

    def latest_cases(page_url: str) -> str:
        return render("latest.md.j2", page_url, reports=latest, total=len(corpus.public), taxonomy=corpus.taxonomy)

    def submit_link(page_url: str) -> str:
        return render("submit_link.md.j2", page_url, intake_url=options.intake_url)

    def case_of_the_week(page_url: str) -> str:
        shown = featured_report if featured_report is not None and featured_report.is_public else None
        return render("featured.md.j2", page_url, feature=feature, report=shown)

    return {"latest-cases": latest_cases, "submit-link": submit_link, "case-of-the-week": case_of_the_week}


def fill_placeholders(markdown: str, page_url: str, blocks: dict[str, Callable[[str], str]]) -> str:
    """Replace every known placeholder in a written page with its generated block."""
    for name, block in blocks.items():
        marker = PLACEHOLDER.format(name=name)
        if marker in markdown:
            markdown = markdown.replace(marker, block(page_url))
    return markdown


def _checked(loaded):
    items, problems = loaded
    if problems:
        raise NearmissError(problems)
    return items

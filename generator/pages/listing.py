"""The browse pages: every public case, newest first, in pages of a fixed size."""

from __future__ import annotations

from generator.corpus import Corpus
from generator.pages import GeneratedPage, SiteOptions
from generator.pages.render import render_page
from generator.urls import page_url

WINDOW = 4  # page numbers shown on each side of the current page


def browse_src(number: int) -> str:
    return "browse/index.md" if number == 1 else f"browse/{number}.md"


def browse_url(number: int) -> str:
    return page_url(browse_src(number))


def browse_pages(corpus: Corpus, options: SiteOptions) -> list[GeneratedPage]:
    """One page per `options.per_page` cases; each page is O(per_page), so the total is linear."""
    reports = corpus.newest_first()
    size = max(1, options.per_page)
    count = max(1, -(-len(reports) // size))
    pages = []
    for number in range(1, count + 1):
        window = range(max(1, number - WINDOW), min(count, number + WINDOW) + 1)
        front = {"title": "All cases" if number == 1 else f"All cases, page {number}", "hide": ["toc"]}
        pages.append(render_page(
            browse_src(number), front, "browse.md.j2",
            title="All cases", reports=reports[(number - 1) * size: number * size], total=len(reports),
            number=number, pages=count, window=window, page_path=browse_url, taxonomy=corpus.taxonomy,
            event_type_label=corpus.taxonomy["event_type"].label, loss_label=corpus.taxonomy["loss_potential"].label,
        ))
    return pages

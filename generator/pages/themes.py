"""Theme pages: the index of all themes, one page per curated theme, and the "Related cases" view of a report.

The analysis (generator.analysis) decides what is related and how themes rank; this module only turns its
results into pages. Theme pages list at most `theme_limit` cases, so they stay small at any corpus size.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.analysis.related import Link
from generator.analysis.site import SiteAnalysis
from generator.analysis.themes import FACET_VOCABULARIES, ThemeResult
from generator.corpus import Corpus
from generator.pages import GeneratedPage
from generator.pages.facets import THEMES_INDEX, facet_values
from generator.pages.render import markdown_page, render, render_page
from generator.taxonomy import Taxonomy
from generator.urls import page_url


def theme_src(slug: str) -> str:
    return f"themes/{slug}/index.md"


@dataclass(frozen=True)
class RelatedItem:
    """One entry of a report's "Related cases" block."""

    id: str
    title: str
    reason: str


def reason_line(link: Link, taxonomy: Taxonomy) -> str:
    """"Both: Foot pursuit, Situational awareness; terms: fence line, flashlight"."""
    labels = []
    for key in link.facets:
        vocabulary, _, slug = key.partition(":")
        labels.append(taxonomy.label(vocabulary, slug))
    parts = []
    if labels:
        parts.append("Both: " + ", ".join(labels))
    if link.terms:
        parts.append(("terms: " if labels else "Terms: ") + ", ".join(link.terms))
    return "; ".join(parts)


def related_items(links: list[Link], corpus: Corpus) -> list[RelatedItem]:
    """The view of a report's links: other report's title and the reason line."""
    return [RelatedItem(link.id, corpus.by_id[link.id].title, reason_line(link, corpus.taxonomy)) for link in links]


def theme_pages(corpus: Corpus, analysis: SiteAnalysis) -> list[GeneratedPage]:
    """The themes index and one page per curated theme."""
    pages = [_index_page(corpus, analysis.themes)]
    for result in analysis.themes:
        entries = [(entry, corpus.by_id[entry.id]) for entry in result.entries]
        front = {"title": result.theme.title, "description": result.theme.description, "hide": ["toc"]}
        pages.append(render_page(theme_src(result.theme.slug), front, "theme.md.j2", theme=result.theme,
                                 pinned=[e for e in entries if e[0].score is None],
                                 ranked=[e for e in entries if e[0].score is not None]))
    return pages


def _index_page(corpus: Corpus, themes: list[ThemeResult]) -> GeneratedPage:
    values = facet_values(corpus)
    facets = [(corpus.taxonomy[name].label, corpus.taxonomy[name].description, values[name])
              for name in FACET_VOCABULARIES]
    body = render("theme_index.md.j2", page_url(THEMES_INDEX), themes=themes, facets=facets,
                  theme_url=lambda slug: page_url(theme_src(slug)))
    return GeneratedPage(THEMES_INDEX, markdown_page({"title": "Themes", "hide": ["toc"]}, body))

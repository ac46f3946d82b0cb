"""Facet pages: every value of the event type, contributing factor, loss potential and what-prevented-harm
vocabularies, with the cases classified under it (newest first, paginated like the browse pages) and the values
of other facets that most often come with it.

URLs are stable: themes/<vocabulary with - for _>/<slug>/, e.g. themes/event-type/traffic-stop/.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.analysis.themes import FACET_VOCABULARIES
from generator.corpus import Corpus
from generator.pages import GeneratedPage, SiteOptions
from generator.pages.render import render_page
from generator.report import Report
from generator.taxonomy import UNCLASSIFIED
from generator.urls import page_url

THEMES_INDEX = "themes/index.md"
WINDOW = 4
SEEN_WITH = 5  # values of other facets shown as "often together with"


def facet_dir(vocabulary: str) -> str:
    return vocabulary.replace("_", "-")


def facet_src(vocabulary: str, slug: str, number: int = 1) -> str:
    base = f"themes/{facet_dir(vocabulary)}/{slug}"
    return f"{base}/index.md" if number == 1 else f"{base}/{number}.md"


def facet_url(vocabulary: str, slug: str, number: int = 1) -> str:
    """The URL of a facet page, relative to the site root (for `url()` in templates)."""
    return page_url(facet_src(vocabulary, slug, number))


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet vocabulary and the public reports that have it, newest first."""

    vocabulary: str
    slug: str
    label: str
    description: str
    reports: tuple[Report, ...]

    @property
    def url(self) -> str:
        return facet_url(self.vocabulary, self.slug)


def facet_values(corpus: Corpus) -> dict[str, list[FacetValue]]:
    """Every value of each facet vocabulary, in taxonomy order; `unclassified` only where a report uses it."""
    newest = corpus.newest_first()
    grouped: dict[tuple[str, str], list[Report]] = {}
    for report in newest:
        for vocabulary in FACET_VOCABULARIES:
            for slug in _slugs(report, vocabulary):
                grouped.setdefault((vocabulary, slug), []).append(report)
    values = {}
    for vocabulary in FACET_VOCABULARIES:
        terms = list(corpus.taxonomy[vocabulary].terms)
        slugs = [term.slug for term in terms] + ([UNCLASSIFIED] if (vocabulary, UNCLASSIFIED) in grouped else [])
        found = corpus.taxonomy[vocabulary]
        values[vocabulary] = [FacetValue(vocabulary, slug, found.label_of(slug), found.get(slug).description,
                                         tuple(grouped.get((vocabulary, slug), ()))) for slug in slugs]
    return values


def _slugs(report: Report, vocabulary: str) -> tuple[str, ...]:
    value = getattr(report, vocabulary)
    return (value,) if isinstance(value, str) else tuple(value)


def seen_with(corpus: Corpus) -> dict[tuple[str, str], Counter]:
    """For each facet value, how often each value of another facet vocabulary occurs in the same report."""
    counts: dict[tuple[str, str], Counter] = {}
    for report in corpus.public:
        keys = [(vocabulary, slug) for vocabulary in FACET_VOCABULARIES for slug in _slugs(report, vocabulary)
                if slug != UNCLASSIFIED]
        for key in keys:
            counter = counts.setdefault(key, Counter())
            counter.update(other for other in keys if other[0] != key[0])
    return counts


def facet_pages(corpus: Corpus, options: SiteOptions) -> list[GeneratedPage]:
    """All facet pages; each holds at most `per_page` cases, so the total size is linear in the corpus."""
    pages = []
    together = seen_with(corpus)
    taxonomy = corpus.taxonomy
    for vocabulary, values in facet_values(corpus).items():
        label = taxonomy[vocabulary].label
        for value in values:
            common = sorted(together.get((vocabulary, value.slug), Counter()).items(), key=lambda item: (-item[1],
                            FACET_VOCABULARIES.index(item[0][0]), item[0][1]))[:SEEN_WITH]
            seen = [(taxonomy.label(v, s), facet_url(v, s), count) for (v, s), count in common]
            pages += _value_pages(value, label, seen, options, taxonomy)
    return pages


def _value_pages(value: FacetValue, vocabulary_label: str, seen: list, options: SiteOptions,
                 taxonomy) -> list[GeneratedPage]:
    size = max(1, options.per_page)
    count = max(1, -(-len(value.reports) // size))
    pages = []
    for number in range(1, count + 1):
        title = f"{vocabulary_label}: {value.label}" + ("" if number == 1 else f", page {number}")
        pages.append(render_page(
            facet_src(value.vocabulary, value.slug, number), {"title": title, "hide": ["toc"]}, "facet.md.j2",
            value=value, vocabulary_label=vocabulary_label, seen=seen,
            reports=value.reports[(number - 1) * size: number * size], total=len(value.reports),
            number=number, pages=count, window=range(max(1, number - WINDOW), min(count, number + WINDOW) + 1),
            page_path=lambda n: facet_url(value.vocabulary, value.slug, n), taxonomy=taxonomy,
        ))
    return pages

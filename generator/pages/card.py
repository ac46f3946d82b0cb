"""The metadata card on a report page: which fields it shows, their labels, and their search filters."""

from __future__ import annotations

from dataclasses import dataclass

from generator.pages.facets import facet_url
from generator.report import Report
from generator.taxonomy import Taxonomy
from generator.themes_file import FACET_VOCABULARIES

# (report field, Pagefind filter key or None). The order is the order on the page.
CARD_FIELDS = (
    ("event_type", "event_type"),
    ("contributing_factors", "factor"),
    ("loss_potential", "loss_potential"),
    ("what_prevented_harm", "prevented_by"),
    ("region", "region"),
    ("setting", None),
    ("time_block", None),
    ("agency_size", None),
    ("officers_on_scene", None),
    ("reporter_role", None),
    ("tags", "tag"),
)
# Filters offered on the search page, in this order, with the vocabulary that labels them.
SEARCH_FILTERS = (
    ("event_type", "event_type"),
    ("factor", "contributing_factors"),
    ("loss_potential", "loss_potential"),
    ("region", "region"),
    ("year", None),
)


@dataclass(frozen=True)
class CardValue:
    slug: str
    label: str
    url: str = ""  # the value's facet page, for the vocabularies that have one


@dataclass(frozen=True)
class CardRow:
    field: str
    label: str
    values: tuple[CardValue, ...]
    filter: str | None


def card_rows(report: Report, taxonomy: Taxonomy) -> list[CardRow]:
    """The rows of the card for one report, skipping empty optional fields."""
    rows = []
    for field, filter_key in CARD_FIELDS:
        value = getattr(report, field)
        slugs = (value,) if isinstance(value, str) else tuple(value)
        if not slugs:
            continue
        vocabulary = taxonomy[field]
        values = tuple(CardValue(slug, vocabulary.label_of(slug), _facet_url(field, slug)) for slug in slugs)
        rows.append(CardRow(field, vocabulary.label, values, filter_key))
    return rows


def _facet_url(field: str, slug: str) -> str:
    return facet_url(field, slug) if field in FACET_VOCABULARIES else ""


def filter_counts(reports: list[Report], taxonomy: Taxonomy) -> dict[str, dict[str, int]]:
    """For each search filter, how many of `reports` carry each value, in the words the cards give Pagefind."""
    fields = {key: field for field, key in CARD_FIELDS if key}
    counts: dict[str, dict[str, int]] = {key: {} for key, _ in SEARCH_FILTERS}
    for report in reports:
        for key, found in counts.items():
            if key == "year":
                values = (report.event_year,)
            else:
                value = getattr(report, fields[key])
                values = tuple(taxonomy[fields[key]].label_of(slug)
                               for slug in ((value,) if isinstance(value, str) else value))
            for value in values:
                found[value] = found.get(value, 0) + 1
    return counts


def filter_labels(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(filter key, label) for the search page, labelled in the words of this taxonomy."""
    return [(key, taxonomy[vocabulary].label if vocabulary else "Year") for key, vocabulary in SEARCH_FILTERS]

"""Counting cases by facet, with small counts suppressed.

A count computed from fewer than k cases is never shown exactly: it is shown as "fewer than k". Where the
categories partition the cases (one value per case), a second cell is suppressed when only one is, so that the
hidden count cannot be recovered by subtracting the others from the total.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from generator.report import Report
from generator.taxonomy import Taxonomy

MONTH = re.compile(r"\d{4}-\d{2}")
FACETS = ("event_type", "contributing_factors", "loss_potential", "what_prevented_harm")


@dataclass(frozen=True)
class Cell:
    """One category's count; `shown` is None when the count is suppressed."""

    key: str
    label: str
    count: int
    shown: int | None

    def text(self, k: int) -> str:
        return str(self.shown) if self.shown is not None else f"fewer than {k}"


def facet_counts(reports: list[Report], taxonomy: Taxonomy, facet: str, k: int) -> list[Cell]:
    """Counts for every value of one facet (taxonomy order), suppressed below k."""
    counter = Counter()
    for report in reports:
        value = getattr(report, facet)
        counter.update([value] if isinstance(value, str) else value)
    vocabulary = taxonomy[facet]
    keys = vocabulary.slugs + sorted(key for key in counter if key not in vocabulary.by_slug)
    cells = [(key, vocabulary.label_of(key), counter[key]) for key in keys]
    return suppress(cells, k, partition=isinstance(getattr(reports[0], facet), str) if reports else False)


def period_counts(reports: list[Report], k: int, *, by: str = "year") -> list[Cell]:
    """Cases per event year (or per 'month' as YYYY-MM), in time order, with empty periods in between."""
    # A period coarsened to a quarter or a year has no month: it counts per year, not per month.
    width = 4 if by == "year" else 7
    counter = Counter(report.event_month[:width] for report in reports
                      if by == "year" or MONTH.fullmatch(report.event_month[:7]))
    return suppress([(key, key, counter[key]) for key in _period_range(sorted(counter), by)], k, partition=True)


def cross_counts(reports: list[Report], taxonomy: Taxonomy, rows: str, columns: str, k: int) -> list[list[Cell]]:
    """A rows x columns table (e.g. contributing factor x event type) of suppressed counts."""
    counter = Counter()
    for report in reports:
        for row in _values(report, rows):
            for column in _values(report, columns):
                counter[row, column] += 1
    return [[Cell(f"{row}|{column}", taxonomy[columns].label_of(column), counter[row, column],
                  counter[row, column] if counter[row, column] >= k else None)
             for column in taxonomy[columns].slugs] for row in taxonomy[rows].slugs]


def suppress(cells: list[tuple[str, str, int]], k: int, *, partition: bool) -> list[Cell]:
    """Suppress counts below k; in a partition, also the next smallest count if only one was suppressed."""
    hidden = {key for key, _, count in cells if count < k}
    if partition and len(hidden) == 1:
        visible = sorted((count, key) for key, _, count in cells if key not in hidden)
        if visible:
            hidden.add(visible[0][1])
    return [Cell(key, label, count, None if key in hidden else count) for key, label, count in cells]


def _values(report: Report, facet: str) -> tuple[str, ...]:
    value = getattr(report, facet)
    return (value,) if isinstance(value, str) else tuple(value)


def _period_range(keys: list[str], by: str) -> list[str]:
    if not keys:
        return []
    if by == "year":
        return [str(year) for year in range(int(keys[0]), int(keys[-1]) + 1)]
    (first_year, first_month), (last_year, last_month) = (map(int, keys[0].split("-")), map(int, keys[-1].split("-")))
    months = range(first_year * 12 + first_month - 1, last_year * 12 + last_month)
    return [f"{index // 12}-{index % 12 + 1:02d}" for index in months]

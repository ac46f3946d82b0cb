"""Counts with small-count suppression."""

from __future__ import annotations

import dataclasses

from generator.corpus import load_corpus
from generator.stats import cross_counts, facet_counts, period_counts, suppress


def test_counts_below_k_are_hidden_and_a_lonely_hidden_cell_gets_company():
    cells = suppress([("a", "A", 10), ("b", "B", 2), ("c", "C", 5), ("d", "D", 7)], 3, partition=True)
    shown = {cell.key: cell.shown for cell in cells}
    # b is below k; c (the next smallest) is hidden too, so b is not total - a - c - d.
    assert shown == {"a": 10, "b": None, "c": None, "d": 7}
    assert [cell.text(3) for cell in cells] == ["10", "fewer than 3", "fewer than 3", "7"]


def test_multi_valued_facets_need_no_complementary_suppression():
    cells = suppress([("a", "A", 10), ("b", "B", 2), ("c", "C", 5)], 3, partition=False)
    assert [cell.shown for cell in cells] == [10, None, 5]


def test_zero_is_also_fewer_than_k():
    assert suppress([("a", "A", 0), ("b", "B", 9), ("c", "C", 8)], 3, partition=False)[0].text(3) == "fewer than 3"


def test_facet_counts_follow_taxonomy_order(fixture_content, taxonomy):
    reports = load_corpus(fixture_content).reports
    cells = facet_counts(reports, taxonomy, "event_type", k=1)
    assert [cell.key for cell in cells] == taxonomy["event_type"].slugs
    assert sum(cell.count for cell in cells) == len(reports)
    assert {cell.key: cell.count for cell in cells}["foot-pursuit"] == 1


def test_period_counts_fill_gaps_and_skip_coarsened_months(fixture_content):
    reports = load_corpus(fixture_content).reports
    reports = reports + [dataclasses.replace(reports[0], id="X", event_month="2025-Q3")]
    years = period_counts(reports, 1, by="year")
    assert [cell.key for cell in years] == ["2024", "2025", "2026"]
    months = period_counts(reports, 1, by="month")
    assert months[0].key == "2024-11" and months[-1].key == "2026-05" and len(months) == 19
    assert sum(cell.count for cell in months) == len(reports) - 1


def test_cross_counts_count_cases_with_both_values(fixture_content, taxonomy):
    reports = load_corpus(fixture_content).reports
    table = cross_counts(reports, taxonomy, "contributing_factors", "event_type", k=1)
    row = taxonomy["contributing_factors"].slugs.index("concealed-missed-weapon")
    column = taxonomy["event_type"].slugs.index("foot-pursuit")
    assert table[row][column].count == 1

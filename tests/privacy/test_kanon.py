"""k-anonymity over published quasi-identifiers, with coarsening suggestions."""

from __future__ import annotations

import dataclasses

from generator.corpus import load_corpus
from generator.privacy.kanon import coarsen_period, coarsen_region, small_groups


def variants(report, **changes):
    return dataclasses.replace(report, **changes)


def test_coarsen_period_never_refines():
    assert coarsen_period("2024-11", "month") == "2024-11"
    assert coarsen_period("2024-11", "quarter") == "2024-Q4"
    assert coarsen_period("2024-01", "quarter") == "2024-Q1"
    assert coarsen_period("2024-11", "year") == "2024"
    assert coarsen_period("2024-Q2", "month") == "2024-Q2"
    assert coarsen_period("2024", "quarter") == "2024"


def test_coarsen_region_walks_up_the_tree(taxonomy):
    assert [coarsen_region("OH", steps, taxonomy) for steps in range(4)] == [
        "OH", "east-north-central", "midwest", "unspecified"]
    assert coarsen_region("unspecified", 2, taxonomy) == "unspecified"


def test_groups_of_k_or_more_pass(fixture_content, taxonomy):
    base = load_corpus(fixture_content).reports[0]
    reports = [variants(base, id=f"R-{n}") for n in range(3)]
    assert small_groups(reports, taxonomy, k=3) == []


def test_small_group_suggests_the_least_coarsening_that_reaches_k(fixture_content, taxonomy):
    base = variants(load_corpus(fixture_content).reports[0], region="OH", event_month="2024-11")
    reports = [
        base,
        variants(base, id="R-2", event_month="2024-10"),
        variants(base, id="R-3", event_month="2024-12"),
        variants(base, id="R-4", region="IN", event_month="2024-11"),
    ]
    groups = small_groups(reports, taxonomy, k=3)
    by_report = {report.id: group for group in groups for report in group.reports}
    assert "event_month 2024-11 -> 2024-Q4" in by_report[base.id].suggestion
    assert "(then 3 would share it)" in by_report[base.id].suggestion
    # The Indiana report needs both a quarter and a division to reach three.
    assert by_report["R-4"].suggestion.startswith(
        "coarsen event_month 2024-11 -> 2024-Q4 and region IN -> east-north-central")


def test_impossible_group_says_so(fixture_content, taxonomy):
    lonely = load_corpus(fixture_content).reports[0]
    [group] = small_groups([lonely], taxonomy, k=2)
    assert group.suggestion == "no coarsening of region, period and agency size reaches k"

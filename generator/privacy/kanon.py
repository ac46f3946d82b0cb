"""k-anonymity over the published quasi-identifiers: region x event period x event type x agency size.

A colleague who knows "a mid-size agency in Ohio had a traffic stop in November 2024" must not be able to narrow
the published cases down to fewer than k. Each small group is reported with the least coarsening that would
make it large enough, computed by generalizing the whole corpus the same way.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.report import Report
from generator.schema import MONTH_PATTERN
from generator.taxonomy import Taxonomy

QUASI_IDENTIFIERS = ("region", "event_month", "event_type", "agency_size")


@dataclass(frozen=True)
class Generalization:
    """How coarse each quasi-identifier is made: period level, steps up the region tree, agency size dropped."""

    period: str = "month"
    region_steps: int = 0
    drop_agency_size: bool = False

    def key(self, report: Report, taxonomy: Taxonomy) -> tuple[str, str, str, str]:
        return self.generalize((report.region, report.event_month, report.event_type, report.agency_size), taxonomy)

    def generalize(self, exact: tuple[str, str, str, str], taxonomy: Taxonomy) -> tuple[str, str, str, str]:
        """The key of a report whose exact quasi-identifiers (region, period, type, size) are `exact`."""
        region, period, event_type, agency_size = exact
        return (coarsen_region(region, self.region_steps, taxonomy), coarsen_period(period, self.period),
                event_type, "unknown" if self.drop_agency_size else agency_size)


# Least information lost first; the first one that makes a group reach k is suggested.
CANDIDATES = (
    Generalization("quarter"), Generalization(region_steps=1), Generalization("quarter", 1), Generalization("year"),
    Generalization(region_steps=2), Generalization("quarter", 2), Generalization("year", 1), Generalization("year", 2),
    Generalization("year", 3), Generalization("year", 3, True),
)


@dataclass(frozen=True)
class SmallGroup:
    """Reports that share one published combination, fewer than k of them, and how to fix it."""

    key: tuple[str, str, str, str]
    reports: tuple[Report, ...]
    suggestion: str


def coarsen_period(period: str, level: str) -> str:
    """'2024-11' at 'quarter' -> '2024-Q4'; never makes a period finer than it is."""
    year, month, quarter = MONTH_PATTERN.match(period).groups()
    if level == "year" or not (month or quarter):
        return year
    if level == "quarter" or quarter:
        return f"{year}-Q{quarter or (int(month) - 1) // 3 + 1}"
    return period


def coarsen_region(region: str, steps: int, taxonomy: Taxonomy) -> str:
    """Walk `steps` up the region tree (state -> division -> census region -> unspecified)."""
    if steps <= 0 or region in ("unspecified", "unclassified"):
        return region
    chain = taxonomy["region"].ancestors(region)
    return chain[steps - 1] if steps <= len(chain) else "unspecified"


def small_groups(reports: list[Report], taxonomy: Taxonomy, k: int) -> list[SmallGroup]:
    """Every published combination shared by fewer than k reports, with a coarsening suggestion each."""
    exact = Generalization()
    groups: dict[tuple, list[Report]] = defaultdict(list)
    for report in reports:
        groups[exact.key(report, taxonomy)].append(report)
    small = {key: members for key, members in groups.items() if len(members) < k}
    if not small:
        return []
    # Each coarsening is counted over the exact groups, not the reports: far fewer keys to compute.
    counts = [Counter() for _ in CANDIDATES]
    for key, members in groups.items():
        for candidate, count in zip(CANDIDATES, counts):
            count[candidate.generalize(key, taxonomy)] += len(members)
    return [SmallGroup(key, tuple(members), _suggest(members[0], taxonomy, k, counts)) for key, members in sorted(small.items())]


def _suggest(report: Report, taxonomy: Taxonomy, k: int, counts: list[Counter]) -> str:
    for candidate, count in zip(CANDIDATES, counts):
        size = count[candidate.key(report, taxonomy)]
        if size >= k:
            return f"{_describe(report, candidate, taxonomy)} (then {size} would share it)"
    return "no coarsening of region, period and agency size reaches k"


def _describe(report: Report, candidate: Generalization, taxonomy: Taxonomy) -> str:
    changes = []
    period = coarsen_period(report.event_month, candidate.period)
    if period != report.event_month:
        changes.append(f"event_month {report.event_month} -> {period}")
    region = coarsen_region(report.region, candidate.region_steps, taxonomy)
    if region != report.region:
        changes.append(f"region {report.region} -> {region}")
    if candidate.drop_agency_size and report.agency_size != "unknown":
        changes.append(f"agency_size {report.agency_size} -> unknown")
    return "coarsen " + " and ".join(changes) + " in every report of this kind"

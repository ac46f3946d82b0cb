"""`nearmiss analyze`: the analysis an agency asks for, on a filtered set of cases, as HTML or CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from generator.corpus import Corpus
from generator.errors import NearmissError, Problem
from generator.pages.analysis_pages import analysis_context
from generator.pages.packets import packet_cases
from generator.pages.render import month_name, render_html
from generator.report import Report
from generator.schema import MONTH_PATTERN, period_start
from generator.stats import FACETS, facet_counts, period_counts
from generator.suggest import did_you_mean


@dataclass(frozen=True)
class Selection:
    """Which cases an analysis covers: any of the event types, any of the factors, within the months."""

    event_types: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    def describe(self, corpus: Corpus) -> str:
        parts = []
        if self.event_types:
            parts.append("event type " + " or ".join(corpus.taxonomy.label("event_type", s) for s in self.event_types))
        if self.factors:
            parts.append("factor " + " or ".join(corpus.taxonomy.label("contributing_factors", s) for s in self.factors))
        if self.since or self.until:
            parts.append(f"events from {month_name(self.since) if self.since else 'the start'} to "
                         f"{month_name(self.until) if self.until else 'now'}")
        return "Cases with " + "; ".join(parts) if parts else "All published cases"


def validate(selection: Selection, corpus: Corpus) -> None:
    """Raise NearmissError naming every unknown slug or malformed month, with a hint."""
    problems = []
    for option, vocabulary, values in (("--event-type", "event_type", selection.event_types),
                                       ("--factor", "contributing_factors", selection.factors)):
        slugs = corpus.taxonomy[vocabulary].slugs
        problems += [Problem("command line", 1, option, f'unknown value "{value}"{did_you_mean(value, slugs)}')
                     for value in values if value not in slugs]
    for option, value in (("--since", selection.since), ("--until", selection.until)):
        if value and not MONTH_PATTERN.fullmatch(value):
            problems.append(Problem("command line", 1, option, f'"{value}" is not a month YYYY-MM'))
    if problems:
        raise NearmissError(problems)


def select(corpus: Corpus, selection: Selection) -> list[Report]:
    """The published cases matching a selection, newest first."""
    since = period_start(selection.since) if selection.since else None
    until = period_start(selection.until) if selection.until else None
    return [report for report in corpus.newest_first() if report.status == "published"
            and (not selection.event_types or report.event_type in selection.event_types)
            and (not selection.factors or set(report.contributing_factors) & set(selection.factors))
            and (since is None or period_start(report.event_month) >= since)
            and (until is None or period_start(report.event_month) <= until)]


def analysis_html(corpus: Corpus, selection: Selection, k: int, *, site_name: str, site_url: str = "") -> str:
    """A self-contained HTML report: charts, counts and the matching cases with summaries and lessons."""
    reports = select(corpus, selection)
    context = analysis_context(reports, corpus.taxonomy, k)
    return render_html("analyze.html.j2", title="Near-miss analysis", description=selection.describe(corpus),
                       cases=packet_cases(corpus, [r.id for r in reports], site_url), site_name=site_name, **context)


def analysis_csv(corpus: Corpus, selection: Selection, k: int) -> str:
    """Counts as CSV rows: dimension, value, label, cases (suppressed below k)."""
    reports = select(corpus, selection)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["dimension", "value", "label", "cases"])
    writer.writerow(["selection", "", selection.describe(corpus), len(reports) if len(reports) >= k else f"fewer than {k}"])
    for facet in FACETS:
        for cell in facet_counts(reports, corpus.taxonomy, facet, k):
            writer.writerow([facet, cell.key, cell.label, cell.text(k)])
    for cell in period_counts(reports, k, by="year"):
        writer.writerow(["event_year", cell.key, cell.label, cell.text(k)])
    return buffer.getvalue()

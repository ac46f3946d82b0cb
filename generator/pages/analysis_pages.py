"""The analysis section: counts by facet, over time, and factor x event type, as charts with tables."""

from __future__ import annotations

from dataclasses import dataclass

from generator.charts.svg import bar_chart, column_chart, heat_map
from generator.pages import GeneratedPage
from generator.pages.render import markdown_page, render
from generator.report import Report
from generator.stats import FACETS, Cell, cross_counts, facet_counts, period_counts
from generator.taxonomy import Taxonomy


@dataclass(frozen=True)
class FacetSection:
    id: str
    title: str
    column_label: str
    cells: list[Cell]
    svg: str


def analysis_context(reports: list[Report], taxonomy: Taxonomy, k: int) -> dict:
    """Everything the analysis template needs, for any subset of reports (the site or `nearmiss analyze`)."""
    sections = []
    for facet in FACETS:
        vocabulary = taxonomy[facet]
        cells = facet_counts(reports, taxonomy, facet, k)
        title = f"Cases by {vocabulary.label.lower()}"
        sections.append(FacetSection(facet.replace("_", "-"), title, vocabulary.label, cells, bar_chart(title, cells, k)))
    per_year, per_month = period_counts(reports, k, by="year"), period_counts(reports, k, by="month")
    heat = cross_counts(reports, taxonomy, "contributing_factors", "event_type", k)
    rows = [term.label for term in taxonomy["contributing_factors"].terms]
    columns = [term.label for term in taxonomy["event_type"].terms]
    return {
        "total": len(reports), "k": k, "facet_sections": sections, "partition_note": True,
        "per_year": per_year, "per_year_svg": column_chart("Cases per year of the event", per_year, k),
        "per_month": per_month, "per_month_svg": column_chart("Cases per month of the event", per_month, k),
        "heat_rows": list(zip(rows, heat)), "column_labels": columns,
        "heat_svg": heat_map("Contributing factor by event type", rows, columns, heat, k),
        "factor_label": taxonomy["contributing_factors"].label, "event_type_label": taxonomy["event_type"].label,
    }


def analysis_page(reports: list[Report], taxonomy: Taxonomy, k: int) -> GeneratedPage:
    """`/analysis/`: computed at build time from the published cases; no JavaScript."""
    body = render("analysis.md.j2", "analysis/", **analysis_context(reports, taxonomy, k))
    return GeneratedPage("analysis.md", markdown_page({"title": "Analysis", "hide": ["toc"]}, body))

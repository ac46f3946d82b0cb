"""The page of one report at /reports/<ID>/."""

from __future__ import annotations

from generator.pages import GeneratedPage
from generator.pages.card import card_rows
from generator.pages.render import markdown_page, render
from generator.report import Report
from generator.sections import SECTION_TITLES
from generator.taxonomy import Taxonomy
from generator.urls import page_url, report_src


def report_page(report: Report, taxonomy: Taxonomy, related: list | None = None) -> GeneratedPage:
    """Render one public report as a Markdown page for the theme's `report.html` template."""
    src = report_src(report.id)
    sections = [report.sections[slug] for slug in SECTION_TITLES if slug in report.sections]
    body = render("report.md.j2", page_url(src), report=report, rows=card_rows(report, taxonomy), sections=sections,
                  related=related or [])
    front = {"title": report.title, "description": report.summary, "template": "report.html"}
    return GeneratedPage(src, markdown_page(front, body))

"""The page of one report at /reports/<ID>/: a case, a superseded case with a notice, or a tombstone."""

from __future__ import annotations

from generator.corpus import Corpus
from generator.pages import GeneratedPage, SiteOptions
from generator.pages.card import card_rows
from generator.pages.citation import cite
from generator.pages.render import markdown_page, render, render_page
from generator.report import Report
from generator.sections import SECTION_TITLES
from generator.urls import page_url, report_src

# Sections shown in the flow of the page; a follow-up (the agency's response) is rendered apart, after them.
MAIN_SECTIONS = ("what-happened", "lessons-learned", "discussion-questions")


def report_page(report: Report, corpus: Corpus, options: SiteOptions, related: list | None = None) -> GeneratedPage:
    """Render a report's page. Only current cases use `report.html`, the one template Pagefind indexes."""
    if report.status == "withdrawn":
        return tombstone_page(report)
    replacement = corpus.by_id.get(report.superseded_by) if report.superseded_by else None
    front = {"title": report.title, "description": report.summary}
    if report.is_public:
        front["template"] = "report.html"
    return render_page(
        report_src(report.id), front, "report.md.j2", report=report, rows=card_rows(report, corpus.taxonomy),
        sections=[report.sections[slug] for slug in MAIN_SECTIONS if slug in report.sections],
        follow_up=report.sections.get("follow-up"), replacement=replacement,
        supplemental=[corpus.by_id[case] for case in report.supersedes if case in corpus.by_id],
        related=(related or []) if report.is_public else [],
        citation=cite(report, site_name=options.site_name, site_url=options.site_url),
    )


def tombstone_page(report: Report) -> GeneratedPage:
    """A withdrawn case keeps its URL, so that links and citations do not break, but none of its content."""
    src = report_src(report.id)
    body = render("tombstone.md.j2", page_url(src), report=report)
    return GeneratedPage(src, markdown_page({"title": f"Case {report.id} withdrawn"}, body))


__all__ = ["SECTION_TITLES", "report_page", "tombstone_page"]

"""Open data: every published case as JSON and CSV, without review metadata."""

from __future__ import annotations

import csv
import io
import json

from generator.corpus import Corpus
from generator.report import Report
from generator.urls import page_url, public_url, report_src

# The exported columns, in order. Review metadata (deid_reviewed, kanon_reviewed, receipt_hash, source_id) is
# never exported: it is for reviewers, and a source ID may itself identify a record elsewhere.
COLUMNS = (
    "id", "url", "title", "summary", "published", "event_month", "time_block", "region", "setting", "agency_size",
    "officers_on_scene", "event_type", "contributing_factors", "loss_potential", "what_prevented_harm",
    "reporter_role", "tags", "what_happened", "lessons_learned", "discussion_questions", "follow_up",
)
LIST_COLUMNS = ("contributing_factors", "what_prevented_harm", "tags")
# Spreadsheet programs run cells that start with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def export_record(report: Report, site_url: str = "") -> dict:
    """One published case as a flat record (lists stay lists)."""
    record = {name: getattr(report, name, None) for name in COLUMNS if hasattr(report, name)}
    record["url"] = public_url(site_url, page_url(report_src(report.id)))
    record["published"] = report.published.isoformat()
    for name in LIST_COLUMNS:
        record[name] = list(record[name])
    for slug in ("what_happened", "lessons_learned", "discussion_questions", "follow_up"):
        record[slug] = report.section_text(slug.replace("_", "-"))
    return {name: record[name] for name in COLUMNS}


def exported_reports(corpus: Corpus) -> list[Report]:
    """Published cases only: never withdrawn, superseded or draft ones; newest first."""
    return [report for report in corpus.newest_first() if report.status == "published"]


def reports_json(corpus: Corpus, site_url: str = "") -> str:
    """`/data/reports.json`: the taxonomy it uses, and every published case."""
    document = {
        "taxonomy": corpus.taxonomy.name,
        "taxonomy_version": corpus.taxonomy.version,
        "count": 0,
        "reports": [export_record(report, site_url) for report in exported_reports(corpus)],
    }
    document["count"] = len(document["reports"])
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def reports_csv(corpus: Corpus, site_url: str = "") -> str:
    """`/data/reports.csv`: one row per published case; list values joined with '; '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for report in exported_reports(corpus):
        record = export_record(report, site_url)
        writer.writerow([_cell(record[name]) for name in COLUMNS])
    return buffer.getvalue()


def _cell(value: object) -> str:
    text = "; ".join(value) if isinstance(value, list) else "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text

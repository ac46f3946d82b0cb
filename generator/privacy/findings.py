"""Identifiers left in published text: every scanner finding must be removed or acknowledged by a reviewer."""

from __future__ import annotations

from generator.errors import Problem
from generator.report import Report

UNACKNOWLEDGED = ('{type} "{text}" ({tier}, {reason}) at column {column}: remove it, or if it does not identify '
                  'anyone add it to deid_reviewed')


def finding_problems(report: Report) -> list[Problem]:
    """One problem per unacknowledged finding in the title, summary or body, at its line in the file."""
    from generator.deid import is_acknowledged, scan  # the scanner loads its word lists on first use

    problems = []
    for field_name, text, first_line in _texts(report):
        for finding in scan(text):
            if is_acknowledged(finding, report.deid_reviewed):
                continue
            line = first_line + text.count("\n", 0, finding.start)
            column = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
            message = UNACKNOWLEDGED.format(type=finding.type, text=finding.text, tier=finding.tier,
                                            reason=finding.reason, column=column)
            problems.append(Problem(report.path, line, field_name, message))
    return problems


def _texts(report: Report) -> list[tuple[str, str, int]]:
    # A withdrawn report's tombstone shows only its ID and the reason.
    if report.status == "withdrawn":
        return [("withdrawn_reason", report.withdrawn_reason or "", report.line_of("withdrawn_reason"))]
    texts = [("title", report.title, report.line_of("title")), ("summary", report.summary, report.line_of("summary"))]
    return texts + [("body", report.body, report.body_line)]

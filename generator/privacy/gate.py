"""Run the whole publication gate over a corpus."""

from __future__ import annotations

from generator.corpus import Corpus
from generator.errors import Problem
from generator.privacy import DEFAULT_K
from generator.privacy.findings import finding_problems
from generator.privacy.kanon import QUASI_IDENTIFIERS, small_groups

SMALL_GROUP = ("only {size} published report(s) share region={0}, event_month={1}, event_type={2}, agency_size={3} "
               "(k={k}): {suggestion}; or, after review, explain why it is safe in kanon_reviewed")


def gate_problems(corpus: Corpus, k: int = DEFAULT_K, findings: dict[str, list[Problem]] | None = None) -> list[Problem]:
    """Every reason the public reports of a corpus must not be published yet.

    `findings` are the identifier findings by report path when already known (`generator.loader` scans in a
    process pool and caches them); otherwise every report with a page is scanned here.
    """
    shown = corpus.shown
    if findings is None:
        problems = [problem for report in corpus.reports if report.has_page for problem in finding_problems(report)]
    else:
        problems = [problem for report in corpus.reports if report.has_page for problem in findings[report.path]]
    for group in small_groups(shown, corpus.taxonomy, k):
        for report in group.reports:
            if report.kanon_reviewed:
                continue
            message = SMALL_GROUP.format(*group.key, size=len(group.reports), k=k, suggestion=group.suggestion)
            problems.append(Problem(report.path, report.line_of("event_month"), "quasi-identifiers", message))
    return sorted(problems)


__all__ = ["QUASI_IDENTIFIERS", "gate_problems"]

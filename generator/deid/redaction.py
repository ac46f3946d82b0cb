"""Redaction (replacing findings with markers) and reviewer acknowledgements of false positives."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .finding import Finding, marker


def redact(text: str, findings: list[Finding] | None = None, tiers: tuple[str, ...] = ("auto",)) -> str:
    """Replace the findings of the given *tiers* in *text* with ``[REDACTED-<TYPE>]`` markers.

    ``findings=None`` scans *text* first. Findings must come from this same text; overlapping findings are
    handled by keeping the earliest one, so any list (for example from an older scan) is safe to pass.
    """
    if findings is None:
        from .scanner import scan_text

        findings = scan_text(text)
    wanted = sorted((f for f in findings if f.tier in tiers), key=lambda f: (f.start, -f.end))
    pieces: list[str] = []
    cursor = 0
    for finding in wanted:
        if finding.start < cursor or text[finding.start:finding.end] != finding.text:
            continue  # overlapping or stale: the text at this position is not what was found
        pieces.append(text[cursor:finding.start])
        pieces.append(marker(finding.type))
        cursor = finding.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def normalize(value: str) -> str:
    """Case-fold and collapse whitespace, the form in which acknowledgements are compared."""
    return re.sub(r"\s+", " ", value).strip().casefold()


def is_acknowledged(finding: Finding, acknowledged: Iterable[str]) -> bool:
    """True when a reviewer listed this finding's exact text in ``deid_reviewed`` (case/whitespace-insensitive)."""
    target = normalize(finding.text)
    return any(normalize(str(item)) == target for item in acknowledged or ())

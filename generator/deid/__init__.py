"""Identifier scanner ("de-identification") for near-miss report text.

Public API (other modules, the CLI and the intake service depend on it exactly)::

    scan(text) -> list[Finding]           # sorted by (start, end), no two findings overlap
    redact(text, findings=None, tiers=("auto",)) -> str
    marker(type) -> "[REDACTED-PERSON]"
    is_acknowledged(finding, acknowledged) -> bool

Each finding is ``auto`` tier (precise enough to redact without a human) or ``review`` tier (shown to a
reviewer). Redaction markers in the input are never reported, so a redacted text rescans clean.

The lexicons (generator/deid/data/) load once per process on first use; call :func:`warm_up` at start-up to
pay that cost (a few hundred milliseconds) before the first request instead of during it.

Module map: ``scanner`` runs the detectors (``contact``, ``identifiers`` and ``vehicles``, ``temporal``,
``ages``, ``agencies`` and ``agency_names``, ``addresses`` with ``streets``, ``intersections``, ``travel`` and
``grid``, ``places`` with ``towns``/``town_context``, ``plain_towns``, ``landmarks``/``landmarks_plain`` and
``districts``, ``people``, ``appositions``, ``mentions``) over a ``text.TextInfo``; ``generic`` removes jargon and
brands; ``resolve`` picks one finding per stretch of text; ``echoes`` adds the re-mentions of places, streets and
agencies found once; ``redaction`` writes markers; ``document`` handles report files with front matter.
"""

from __future__ import annotations

from .finding import AUTO, REVIEW, TYPES, Finding, marker
from .redaction import is_acknowledged, redact
from .scanner import scan_text, warm_up

__all__ = ["AUTO", "REVIEW", "TYPES", "Finding", "is_acknowledged", "marker", "redact", "scan", "warm_up"]


def scan(text: str) -> list[Finding]:
    """Return the identifiers found in *text*, sorted by (start, end), with overlaps resolved.

    Offsets are Python string indices and ``finding.text == text[finding.start:finding.end]``.
    """
    return scan_text(text)

"""Scanning and redacting report files: Markdown with YAML front matter, or plain text.

In a report only the body and the front-matter values ``title`` and ``summary`` are free text; every other
front-matter field is structured data and is left alone. Offsets in :class:`DocFinding` are offsets into the
whole file, so line and column numbers point at the right place in an editor.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import yaml

from .finding import Finding
from .redaction import is_acknowledged, redact
from .scanner import scan_text

FREE_TEXT_KEYS = ("title", "summary")
_FRONT_RE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass
class Segment:
    """A stretch of free text inside a file: where it starts and, for a front-matter value, how it was quoted."""

    start: int
    end: int
    key: str | None = None  # "title"/"summary" for a front-matter value, None for the body
    quote: str = ""


@dataclass
class Document:
    """A parsed report file."""

    text: str
    segments: list[Segment] = field(default_factory=list)
    acknowledged: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DocFinding:
    """A finding located in a file."""

    finding: Finding  # offsets relative to the whole file
    line: int
    column: int
    acknowledged: bool


def parse(text: str, markdown: bool = True) -> Document:
    """Split *text* into free-text segments; read ``deid_reviewed`` acknowledgements from the front matter."""
    doc = Document(text)
    match = _FRONT_RE.match(text) if markdown else None
    if not match:
        doc.segments.append(Segment(0, len(text)))
        return doc
    try:
        data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError:
        data = {}
    if isinstance(data, dict):
        reviewed = data.get("deid_reviewed") or []
        doc.acknowledged = [str(item) for item in reviewed] if isinstance(reviewed, list) else [str(reviewed)]
    body_front = match.start(1) if match.group(1) is not None else match.end()
    for key in FREE_TEXT_KEYS:
        value = re.search(rf"^{key}[ \t]*:[ \t]*(.*?)[ \t]*\r?$", match.group(1) or "", re.MULTILINE)
        if not value or not value.group(1):
            continue
        start, end = body_front + value.start(1), body_front + value.end(1)
        quote = text[start] if text[start] in "\"'" and text[end - 1] == text[start] and end - start >= 2 else ""
        if quote:
            start, end = start + 1, end - 1
        doc.segments.append(Segment(start, end, key, quote))
    doc.segments.append(Segment(match.end(), len(text)))
    return doc


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def scan_document(text: str, markdown: bool = True) -> list[DocFinding]:
    """Scan the free text of a report file; findings carry file offsets, 1-based line/column and acknowledgement."""
    doc = parse(text, markdown)
    results = []
    for segment in doc.segments:
        for f in scan_text(text[segment.start:segment.end]):
            shifted = Finding(f.type, f.start + segment.start, f.end + segment.start, f.text, f.confidence,
                              f.reason, f.tier)
            line, column = _line_col(text, shifted.start)
            results.append(DocFinding(shifted, line, column, is_acknowledged(f, doc.acknowledged)))
    return sorted(results, key=lambda d: (d.finding.start, d.finding.end))


def _redact_unacknowledged(text: str, tiers: tuple[str, ...], acknowledged: list[str]) -> str:
    # A reviewer's acknowledgement says "this is not an identifier": it must survive redaction too.
    findings = [f for f in scan_text(text) if not is_acknowledged(f, acknowledged)]
    return redact(text, findings, tiers)


def _quoted_value(raw: str, quote: str, tiers: tuple[str, ...], acknowledged: list[str]) -> str:
    """Redact a front-matter value and return it as a YAML scalar in the same quoting style (plain -> double)."""
    if quote == "'":
        return "'" + _redact_unacknowledged(raw.replace("''", "'"), tiers, acknowledged).replace("'", "''") + "'"
    value = raw
    if quote == '"':
        try:
            value = json.loads('"' + raw + '"')  # YAML's double-quoted escapes are JSON's for everything we write
        except ValueError:
            value = raw
    return json.dumps(_redact_unacknowledged(value, tiers, acknowledged), ensure_ascii=False)


def redact_document(text: str, tiers: tuple[str, ...] = ("auto",), markdown: bool = True) -> str:
    """Redact the body and the title/summary values of a report; the rest of the front matter is untouched.

    Findings acknowledged in ``deid_reviewed`` are kept.

    A redacted front-matter value is written as a double-quoted YAML string, because a marker such as
    ``[REDACTED-PERSON]`` at the start of a plain value would otherwise read as a YAML list.
    """
    doc = parse(text, markdown)
    pieces: list[str] = []
    cursor = 0
    for segment in sorted(doc.segments, key=lambda s: s.start):
        original = text[segment.start:segment.end]
        redacted = _redact_unacknowledged(original, tiers, doc.acknowledged)
        start, end = segment.start, segment.end
        if segment.key and redacted != original:
            redacted = _quoted_value(original, segment.quote, tiers, doc.acknowledged)
            start, end = start - len(segment.quote), end + len(segment.quote)
        pieces.append(text[cursor:start])
        pieces.append(redacted)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)

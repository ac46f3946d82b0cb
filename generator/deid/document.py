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
_CONTINUATION_RE = re.compile(r"(?:[ \t]*\r?\n|[ \t]+[^\n]*(?:\n|$))*")
_BLOCK_RE = re.compile(r"[|>][-+1-9]{0,2}(?:[ \t]+#.*)?")
_FRONT_RE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass
class Segment:
    """A stretch of free text inside a file: where it starts and, for a front-matter value, how it was quoted."""

    start: int
    end: int
    key: str | None = None  # "title"/"summary" for a front-matter value, None for the body
    quote: str = ""
    style: str = ""  # "block" for `summary: >` / `|`, "multiline" for a plain or quoted value over several lines
    value: str = ""  # the parsed YAML value (used to rewrite a multi-line value after redaction)


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
        segment = _value_segment(match.group(1) or "", key)
        if segment:
            segment.start += body_front
            segment.end += body_front
            if isinstance(data, dict) and isinstance(data.get(key), str):
                segment.value = data[key]
            doc.segments.append(segment)
    doc.segments.append(Segment(match.end(), len(text)))
    return doc


def _value_segment(front: str, key: str) -> Segment | None:
    """Locate the value of a top-level *key* in the front matter: one line, a block scalar (``summary: >``) or a
    plain or quoted value continued on indented lines. Offsets are relative to *front*."""
    value = re.search(rf"^{key}[ \t]*:[ \t]*(.*?)[ \t]*\r?$", front, re.MULTILINE)
    if not value:
        return None
    # Lines that belong to the value: indented (or blank) lines until the next top-level line.
    rest = front[value.end() + 1:] if value.end() < len(front) else ""
    more = _CONTINUATION_RE.match(rest)
    tail = more.group().rstrip() if more else ""
    if _BLOCK_RE.fullmatch(value.group(1)):
        if not tail.strip():
            return None
        first = value.end() + 1 + len(tail) - len(tail.lstrip())
        return Segment(first, value.end() + 1 + len(tail), key, "", "block")
    if not value.group(1):
        return None
    start, end = value.start(1), value.end(1)
    if tail.strip():
        return Segment(start, value.end() + 1 + len(tail), key, front[start] if front[start] in "\"'" else "",
                       "multiline")
    quote = front[start] if front[start] in "\"'" and front[end - 1] == front[start] and end - start >= 2 else ""
    if quote:
        start, end = start + 1, end - 1
    return Segment(start, end, key, quote)


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

    A redacted one-line or multi-line plain/quoted front-matter value is written as a double-quoted YAML string,
    because a marker such as ``[REDACTED-PERSON]`` at the start of a plain value would otherwise read as a YAML
    list; a block scalar (``summary: >``) is redacted in place, where a marker is ordinary text.
    """
    doc = parse(text, markdown)
    pieces: list[str] = []
    cursor = 0
    for segment in sorted(doc.segments, key=lambda s: s.start):
        original = text[segment.start:segment.end]
        redacted = _redact_unacknowledged(original, tiers, doc.acknowledged)
        start, end = segment.start, segment.end
        if segment.style == "multiline" and redacted != original:
            # A folded plain or quoted value is rewritten as one double-quoted line, like a one-line value.
            redacted = json.dumps(_redact_unacknowledged(segment.value or original, tiers, doc.acknowledged),
                                  ensure_ascii=False)
        elif segment.key and segment.style != "block" and redacted != original:
            redacted = _quoted_value(original, segment.quote, tiers, doc.acknowledged)
            start, end = start - len(segment.quote), end + len(segment.quote)
        pieces.append(text[cursor:start])
        pieces.append(redacted)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)

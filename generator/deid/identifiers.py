"""BADGE, CASE, PLATE, VIN and DL: numbers that identify a person, vehicle or record.

Almost all of them are recognised by a keyword right before the value ("badge #4471", "RD# 23-118822",
"plate HGT4471"); a value with a keyword is auto tier, a bare value that only looks right is review tier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .text import TextInfo

_NUM = r"(?:\s*(?:#|no\.?|num(?:ber)?\.?|nr\.?|id|:)\s*)*"
_VAL_END = r"(?![\w-])"
# Words after a number that make it a quantity ("car 50 feet away"), not an identifier.
_QUANTITY = re.compile(
    r"\s*(?:feet|foot|ft|yards?|yds?|miles?|mi|mph|meters?|m|percent|%|times|minutes?|mins?|seconds?|secs?|hours?|"
    r"hrs?|degrees?|rounds?|people|persons|officers|deputies|shots|inches|in|lbs?|pounds|years?|yrs?|days?|"
    r"weeks?|months?|am|pm|a\.m|p\.m|o'?clock|and\s+a\s+half)\b",
    re.IGNORECASE,
)
PHONETIC = (r"(?:adam|baker|boy|charles|charlie|david|edward|frank|george|henry|ida|john|king|lincoln|mary|nora|"
            r"ocean|paul|queen|robert|sam|tom|union|victor|william|x-?ray|young|zebra|alpha|bravo|delta|echo|"
            r"foxtrot|golf|hotel|india|juliet|kilo|lima|mike|november|oscar|papa|quebec|romeo|sierra|tango|"
            r"uniform|whiskey|yankee|zulu|lincoln|nora|edward)")
CALLSIGN_RE = re.compile(rf"\b\d{{1,2}}[- ]?{PHONETIC}[- ]?\d{{1,3}}\b", re.IGNORECASE)

BADGE_RE = re.compile(
    r"\b(?:badge|shield|star|unit|units|car|cars|cruiser|beat|call[- ]?sign|radio|employee|personnel|serial|"
    r"psn|dsn|id|patrol\s+car|squad|medic|engine|ladder|truck|rescue|post|sector|zone|district|precinct)"
    + _NUM + r"(\d{1,6}[A-Za-z]{0,2}\d{0,3}|\d?[A-Za-z]{1,2}-?\d{1,4}|" + PHONETIC + r"[- ]?\d{1,3})" + _VAL_END
    + r"(?:\s*(?:and|&|,|or)\s*(?:#\s*)?(\d{1,6}[A-Za-z]?\d{0,3})\b)?",
    re.IGNORECASE,
)
_STRONG_BADGE = re.compile(r"badge|shield|star|call|employee|personnel|serial|psn|dsn|id|radio", re.IGNORECASE)

CASE_RE = re.compile(
    r"\b(?:case|incident|report|rd|cfs|cad|event|complaint|file|run|oca|dr|ir|cr|ccn|arrest|citation|ticket|"
    r"warrant|docket|reference|ref|log|call\s+for\s+service|cfs\s+call|control|inc)"
    + _NUM + r"([A-Za-z]{0,4}-?\d[\d-]{3,}[A-Za-z0-9-]*)" + _VAL_END,
    re.IGNORECASE,
)
PLATE_RE = re.compile(
    r"\b(?:(?:license|licence|temp|temporary|dealer)\s+)?(?:plates?|tags?|registration|reg|lp)\b"
    r"(?:\s+(?:number|no\.?|#|read|reading|of|was|were|is|showing|displayed))*\s*[:#]?\s*(?:\([A-Za-z]{2}\)\s*)?"
    r"([A-Za-z0-9]{1,4}[- ]?[A-Za-z0-9]{1,5})" + _VAL_END,
    re.IGNORECASE,
)
BARE_PLATE_RE = re.compile(r"\b[A-Z]{3}[- ]?\d{4}\b|\b\d[A-Z]{3}\d{3}\b")
VIN_RE = re.compile(r"\b[A-HJ-NPR-Z0-9]{17}\b", re.IGNORECASE)
PARTIAL_VIN_RE = re.compile(
    r"\b(?:vin\b[^.\n]{0,30}?(?:ending|ends)\s+(?:in|with)|(?:last|final)\s+(?:six|6|four|4|eight|8|five|5|seven|7)"
    r"(?:\s+(?:digits|characters|numbers))?(?:\s+of(?:\s+the)?\s+vin)?|vin(?:\s*(?:#|no\.?|number|:))*)"
    r"\s*(?:was|were|is|are|of|:|-|#)?\s*([A-HJ-NPR-Z0-9]{4,17})\b",
    re.IGNORECASE,
)
DL_RE = re.compile(
    r"\b(?:d/?l|oln|o/l|ol|driver'?s?\s+licen[cs]e|operator'?s?\s+licen[cs]e|licen[cs]e)"
    r"(?:\s*(?:#|no\.?|num(?:ber)?|:|was|is|of))*\s*([A-Za-z]{0,2}-?\d{5,12}|[A-Za-z]\d{3}-\d{3}-\d{2}-\d{3}-\d)\b",
    re.IGNORECASE,
)
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_VALUES = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
               **dict(zip("JKLMNPR", (1, 2, 3, 4, 5, 7, 9))), **dict(zip("STUVWXYZ", range(2, 10)))}


def vin_check_digit_ok(vin: str) -> bool:
    """True when a 17-character VIN passes the North American check-digit test (position 9)."""
    vin = vin.upper()
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS))
    check = "X" if total % 11 == 10 else str(total % 11)
    return vin[8] == check


def _quantity_follows(text: str, end: int) -> bool:
    return bool(_QUANTITY.match(text, end))


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield BADGE, CASE, PLATE, VIN and DL findings in *info*."""
    text = info.text
    for m in CASE_RE.finditer(text):
        value = m.group(1)
        digits = sum(c.isdigit() for c in value)
        if digits < 5 and not re.search(r"[#:]|no\.?|num", m.group(0)[: m.start(1) - m.start()], re.IGNORECASE):
            continue
        yield make(text, "CASE", m.start(1), m.end(1), 0.96, "record number after keyword")
    for m in BADGE_RE.finditer(text):
        if _quantity_follows(text, m.end(1)) or re.fullmatch(r"\d{4}s?", m.group(1)) and \
                not _STRONG_BADGE.match(m.group(0)):
            continue
        strong = _STRONG_BADGE.match(m.group(0)) or any(c.isdigit() for c in m.group(1))
        yield make(text, "BADGE", m.start(1), m.end(1), 0.93 if strong else 0.6, "unit/badge number after keyword")
        if m.group(2):
            yield make(text, "BADGE", m.start(2), m.end(2), 0.9, "unit/badge number in a list")
    for m in CALLSIGN_RE.finditer(text):
        yield make(text, "BADGE", *m.span(), 0.92, "radio call sign")
    yield from _vehicle(info)
    for m in DL_RE.finditer(text):
        yield make(text, "DL", m.start(1), m.end(1), 0.95, "licence number after keyword")


def _vehicle(info: TextInfo) -> Iterator[Finding]:
    text = info.text
    for m in PLATE_RE.finditer(text):
        value = m.group(1)
        compact = re.sub(r"[- ]", "", value)
        has_digit = any(c.isdigit() for c in compact)
        if len(compact) < 2 or (info.mixed and not value.isupper() and not value.isdigit()):
            continue
        if not has_digit and (len(compact) < 4 or info.style != "mixed"):
            continue
        if value.isdigit() and (len(compact) < 4 or _quantity_follows(text, m.end(1))):
            continue
        yield make(text, "PLATE", m.start(1), m.end(1), 0.95, "plate after keyword")
    if info.style != "upper":
        for m in BARE_PLATE_RE.finditer(text):
            yield make(text, "PLATE", *m.span(), 0.6, "plate-like letters and digits")
    for m in VIN_RE.finditer(text):
        value = m.group()
        if not (re.search(r"\d", value) and re.search(r"[A-Za-z]", value)):
            continue
        ok = vin_check_digit_ok(value)
        yield make(text, "VIN", *m.span(), 0.98 if ok else 0.85, "VIN (check digit valid)" if ok else "VIN-shaped")
    for m in PARTIAL_VIN_RE.finditer(text):
        if not re.search(r"\d", m.group(1)):
            continue
        yield make(text, "VIN", m.start(1), m.end(1), 0.95, "VIN digits after keyword")

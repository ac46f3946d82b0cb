"""BADGE, CASE, PLATE, VIN and DL: numbers that identify a person, vehicle or record.

Almost all of them are recognised by a keyword right before the value ("badge #4471", "RD# 23-118822",
"plate HGT4471"); a value with a keyword is auto tier, a bare value that only looks right is review tier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .text import DIGITS, TextInfo, alternation_prefixes, matches, prefixes

_NUM = r"(?:\s*(?:#|no\.?|num(?:ber)?\.?|nr\.?|id|:)(?![a-z]))*\s*"
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
_CALLSIGN_KEYS = DIGITS | alternation_prefixes(PHONETIC.strip("(?:)"))
CALLSIGN_RE = re.compile(rf"\b(?:\d{{1,2}}[- ]?)?{PHONETIC}-\d{{1,3}}\b|\b\d{{1,2}}[- ]?{PHONETIC}[- ]?\d{{1,3}}\b",
                         re.IGNORECASE)

_BADGE_WORDS = (r"badges?|shield|star|unit|units|car|cars|cruiser|beat|call[- ]?sign|radio|employee|personnel|serial|"
                r"psn|dsn|id|patrol\s+car|squad|medic|engine|ladder|truck|rescue")
_CASE_WORDS = (r"case|incident|report|rpt|rd|cfs|cad|event|complaint|file|run|oca|dr|ir|cr|ccn|arrest|citation|ticket|"
               r"warrant|docket|reference|ref|log|call\s+for\s+service|cfs\s+call|control|inc")
_BADGE_KEYS = alternation_prefixes(_BADGE_WORDS)
_CASE_KEYS = alternation_prefixes(_CASE_WORDS)
_PLATE_KEYS = prefixes("license", "licence", "temp", "temporary", "dealer", "plate", "tag", "registration", "reg", "lp")
_DL_KEYS = prefixes("d", "dl", "cdl", "oln", "o", "driver", "drivers", "operator", "license", "licence")
_VIN_KEYS = prefixes("vin", "last", "final")
BADGE_RE = re.compile(
    r"\b(?:" + _BADGE_WORDS + r")"
    + _NUM + r"(\d{1,2}-\d{1,3}|\d{1,6}[A-Za-z]{0,2}\d{0,3}|\d?[A-Za-z]{1,2}-?\d{1,4}|"
    + PHONETIC + r"[- ]?\d{1,3})" + _VAL_END
    + r"(?:\s*(?:and|&|,|or)\s*(?:#\s*)?(\d{1,6}[A-Za-z]?\d{0,3})\b)?",
    re.IGNORECASE,
)
_STRONG_BADGE = re.compile(r"badge|shield|star|call|employee|personnel|serial|psn|dsn|id|radio", re.IGNORECASE)

CASE_RE = re.compile(
    r"\b(?:" + _CASE_WORDS + r")"
    r"(?:\s*(?:#|no\.?|num(?:ber)?\.?|nr\.?|id|:|,|was|is|of)(?![a-z]))*\s*"
    r"([A-Za-z]{0,4}-?\d[\dA-Za-z-]{3,}(?<=\d))" + _VAL_END,
    re.IGNORECASE,
)
PLATE_RE = re.compile(
    r"\b(?:(?:license|licence|temp|temporary|dealer)\s+)?(?:plates?|tags?|registration|reg|lp)\b"
    r"(?:\s+(?:number|no\.?|#|read|reading|of|was|were|is|showing|displayed)|\s*[,:\"\u201c])*\s*[:#]?\s*"
    r"(?:\([A-Za-z]{2}\)\s*)?([A-Za-z0-9]{1,4}[- ]?[A-Za-z0-9]{1,5})" + _VAL_END,
    re.IGNORECASE,
)
BARE_PLATE_RE = re.compile(r"\b[A-Z]{3}[- ]?\d{4}\b|\b\d[A-Z]{3}\d{3}\b")
VIN_RE = re.compile(r"\b[A-HJ-NPR-Z0-9]{17}\b", re.IGNORECASE)
PARTIAL_VIN_RE = re.compile(
    r"\b(?:vin\b[^.\n]{0,30}?(?:ending|ends)\s+(?:in|with)|(?:last|final)\s+(?:six|6|four|4|eight|8|five|5|seven|7)"
    r"(?:\s+(?:digits|characters|numbers))?(?:\s+of(?:\s+the)?\s+vin)?|vin(?:\s*(?:#|no\.?|number|:))*)"
    r"\s*(?:was|were|is|are|of|:|-|#)?\s*((?=[A-Z]*\d)[A-HJ-NPR-Z0-9]{4,17})\b",
    re.IGNORECASE,
)
_STATE_ABBR = (r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|"
               r"ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)")
DL_RE = re.compile(
    r"\b(?:c?d/?l|oln|o/l|driver'?s?\s+licen[cs]e|operator'?s?\s+licen[cs]e|licen[cs]e)"
    r"(?:\s*(?:#|no\.?|num(?:ber)?|:|,|was|is|of|reads|read|" + _STATE_ABBR + r"\b))*\s*"
    r"((?=[A-Za-z0-9-]*\d(?:-?\d){4})[A-Za-z]{0,2}\d[\d-]{4,15}\d|[A-Za-z]\d{3}(?:-\d{3,4}){2,3}(?:-\d)?)(?![\w-])",
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
    for m in matches(info, CASE_RE, _CASE_KEYS):
        value = m.group(1)
        digits = sum(c.isdigit() for c in value)
        if digits < 5 and not (digits >= 4 and "-" in value) and \
                not re.search(r"[#:]|no\.?|num", m.group(0)[: m.start(1) - m.start()], re.IGNORECASE):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", value) or re.fullmatch(r"\d{1,2}-\d{1,2}-\d{2,4}", value):
            continue  # a year or a date, not a record number
        yield make(text, "CASE", m.start(1), m.end(1), 0.96, "record number after keyword")
    for m in matches(info, BADGE_RE, _BADGE_KEYS):
        if _quantity_follows(text, m.end(1)) or re.fullmatch(r"\d{4}s?", m.group(1)) and \
                not _STRONG_BADGE.match(m.group(0)):
            continue
        if len(m.group(1)) == 1 and not re.match(r"(?:beat|car|unit|badge)", m.group(0), re.IGNORECASE):
            continue  # "Engine 1", "Employee 1": a one-digit number identifies a beat or car, rarely anything else
        strong = _STRONG_BADGE.match(m.group(0)) or any(c.isdigit() for c in m.group(1))
        # A "#" glued to the number is part of it ("#4471"); after a space it is only punctuation.
        start = m.start(1) - 1 if text[m.start(1) - 1:m.start(1)] == "#" else m.start(1)
        yield make(text, "BADGE", start, m.end(1), 0.93 if strong else 0.6, "unit/badge number after keyword")
        if m.group(2):
            yield make(text, "BADGE", m.start(2), m.end(2), 0.9, "unit/badge number in a list")
    for m in matches(info, CALLSIGN_RE, _CALLSIGN_KEYS):
        yield make(text, "BADGE", *m.span(), 0.92, "radio call sign")
    yield from _vehicle(info)
    for m in matches(info, DL_RE, _DL_KEYS):
        yield make(text, "DL", m.start(1), m.end(1), 0.95, "licence number after keyword")


def badges_after_people(info: TextInfo, people: list[Finding]) -> Iterator[Finding]:
    """Yield a number in parentheses right after a titled officer's name: "OFC T. REYES (4471)"."""
    for person in people:
        m = re.match(r"\s*\(\s*#?(\d{3,6})\s*\)", info.text[person.end:person.end + 12])
        if m and person.reason.startswith("rank"):
            yield make(info.text, "BADGE", person.end + m.start(1), person.end + m.end(1), 0.9,
                       "number in parentheses after an officer's name")


def _vehicle(info: TextInfo) -> Iterator[Finding]:
    text = info.text
    for m in matches(info, PLATE_RE, _PLATE_KEYS):
        value = m.group(1)
        compact = re.sub(r"[- ]", "", value)
        has_digit = any(c.isdigit() for c in compact)
        if len(compact) < 2 or (info.mixed and not value.isupper() and not value.isdigit()):
            continue
        partial = re.search(r"partial", text[max(0, m.start() - 12):m.start()], re.IGNORECASE)
        if not has_digit and not (partial and value.isupper()) and (len(compact) < 4 or info.style != "mixed"):
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
    for m in matches(info, PARTIAL_VIN_RE, _VIN_KEYS):
        if not re.search(r"\d", m.group(1)):
            continue
        yield make(text, "VIN", m.start(1), m.end(1), 0.95, "VIN digits after keyword")

"""PLATE, VIN and DL: a vehicle's plate and VIN and a driver's licence number.

A value after a cue word ("plate HGT4471", "VIN ...", "DL SR123456") is auto tier. A plate also follows its state
in CAD writing ("AZ CBX4417", "Kansas 218 GHK"); a full VIN is recognised by its check digit; a bare value that
only looks like a plate is review tier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import STATE_CODES, STATE_NAMES, STATE_WORDS, lexicon
from .text import TextInfo, matches, prefixes

_VAL_END = r"(?![\w-])"
_PLATE_KEYS = prefixes("license", "licence", "temp", "temporary", "dealer", "plate", "tag", "registration", "reg", "lp")
_DL_KEYS = prefixes("d", "dl", "cdl", "oln", "o", "ol", "lic", "driver", "drivers", "operator", "license", "licence")
_VIN_KEYS = prefixes("vin", "last", "final")
PLATE_RE = re.compile(
    r"\b(?:(?:license|licence|temp|temporary|dealer)\s+)?(?:plates?|tags?|registration|reg|lp)\b"
    r"(?:\s+(?:number|no\.?|#|read|reading|of|was|were|is|showing|displayed)|\s*[,:\"\u201c])*\s*[:#]?\s*"
    r"(?:\([A-Za-z]{2}\)\s*)?([A-Za-z0-9]{1,4}[- ]?[A-Za-z0-9]{1,7})" + _VAL_END,
    re.IGNORECASE,
)
# "AZ CBX4417", "MO PD4 K7L", "Kansas 218 GHK": a state, then a value with letters and digits in plate shape.
STATE_PLATE_RE = re.compile(
    rf"\b(?:(?i:{STATE_NAMES})|{STATE_CODES})[ \t]+(?:(?i:tag|plate|reg|lic|plates?)[ \t]+)?"
    r"([A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4})"
    r"(?![\w-])")
_NOT_PLATE_RE = re.compile(r"(?:DL|CDL|REG|TAG|VIN|SSN|DOB|FL|SR|US|I|RT|RTE|HWY|CR|MM)\b|\d+(?:ST|ND|RD|TH)\b|N\d")
# State codes that are also words ("IN", "OR", "ME"): a plate after them only where a vehicle was just described.
_WORDLIKE_CODES = frozenset("IN OR ME OK HI OH LA DE CO AL MO ID PA MA WA GA MD MS".split())
_VEHICLE_BEFORE_RE = re.compile(
    r"\b(?:veh|vehicle|car|truck|suv|van|sedan|pickup|coupe|motorcycle|trailer|jeep|toyota|honda|ford|chevy|"
    r"chevrolet|dodge|nissan|hyundai|kia|gmc|subaru|mazda|bmw|audi|lexus|buick|cadillac|chrysler|ram|tesla|"
    r"volkswagen|vw|plate|tag|registered|reg)\b", re.IGNORECASE)
_UNIT_AFTER_RE = re.compile(r"\s*(?:ft|feet|mi|miles|nm|kts?|knots|mph|msl|agl|lbs?|degrees?|degs?|o'clock|yrs|"
                            r"years)\b|"
                            r"['\u2019\u00b0]|\.\d",
                            re.IGNORECASE)
BARE_PLATE_RE = re.compile(r"\b[A-Z]{3}[- ]?\d{4}\b|\b\d[A-Z]{3}\d{3}\b")
VIN_RE = re.compile(r"[A-HJ-NPR-Za-hj-npr-z0-9](?<!\w\w)[A-HJ-NPR-Za-hj-npr-z0-9]{16}\b")  # (?<!\w\w): see ages
PARTIAL_VIN_RE = re.compile(
    r"\b(?:vin\b[^.\n]{0,30}?(?:ending|ends)\s+(?:in|with)|(?:last|final)\s+(?:six|6|four|4|eight|8|five|5|seven|7)"
    r"(?:\s+(?:digits|characters|numbers))?(?:\s+of(?:\s+the)?\s+vin)?|vin(?:\s*(?:#|no\.?|number|:))*)"
    r"\s*(?:was|were|is|are|of|:|-|#|,)?\s*((?=[A-Z]*\d)[A-HJ-NPR-Z0-9]{4,17})\b",
    re.IGNORECASE,
)
# A licence number after its cue, possibly with the issuing state between ("CDL was Utah 160447823",
# "CDL out of Illinois, H612-4471-9082", "DL MN-120-448-991").
DL_RE = re.compile(
    r"\b(?:c?d/?l|oln|o/l|(?-i:OL|LIC)|driver'?s?\s+licen[cs]e|operator'?s?\s+licen[cs]e|licen[cs]e)"
    rf"(?:\s*(?:#|no\.?|num(?:ber)?|:|,|was|is|of|reads|read|out\s+of|from|{STATE_WORDS}\b(?!-)))*\s*"
    r"((?=[A-Za-z0-9-]*\d(?:-?\d){4})[A-Za-z]{0,2}-?\d[\d-]{4,15}\d|[A-Za-z]\d{3}(?:-\d{3,4}){2,3}(?:-\d)?|"
    # groups of three digits with spaces, as printed on the card ("D 432 118 947 605", "742 118 903")
    r"(?:[A-Za-z][ \t])?\d{3}(?:[ \t]\d{3}){2,4}|"
    # letters and digits mixed, in capitals ("WDL7KQ41T3B"): at least three digits among eight to twelve characters
    r"(?-i:(?=[A-Z0-9]*\d[A-Z0-9]*\d[A-Z0-9]*\d)[A-Z]{1,3}[A-Z0-9]{7,11}))(?![\w-])",
    re.IGNORECASE,
)
_STATE_KEYS = prefixes(*re.findall(r"[a-z]+", STATE_WORDS.replace(r"\s+", " ").lower()))
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_VALUES = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))),
               **dict(zip("JKLMNPR", (1, 2, 3, 4, 5, 7, 9))), **dict(zip("STUVWXYZ", range(2, 10)))}


def vin_check_digit_ok(vin: str) -> bool:
    """True when a 17-character VIN passes the North American check-digit test (position 9)."""
    vin = vin.upper()
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS))
    check = "X" if total % 11 == 10 else str(total % 11)
    return vin[8] == check


def detect(info: TextInfo, quantity: re.Pattern[str]) -> Iterator[Finding]:
    """Yield PLATE, VIN and DL findings in *info*; *quantity* matches unit words that make a number a quantity."""
    yield from plates(info, quantity)
    if not info.has_digit:
        return
    text = info.text
    for m in matches(info, STATE_PLATE_RE, _STATE_KEYS):
        value = m.group(1)
        if not _plate_shaped(value) or _NOT_PLATE_RE.match(value) or _UNIT_AFTER_RE.match(text, m.end(1)):
            continue
        state = text[m.start():m.start(1)].split()[0]
        if state in _WORDLIKE_CODES and not _VEHICLE_BEFORE_RE.search(text, max(0, m.start() - 60), m.start()):
            continue
        yield make(text, "PLATE", *m.span(1), 0.9, "plate after its state")
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
    for m in matches(info, DL_RE, _DL_KEYS):
        yield make(text, "DL", m.start(1), m.end(1), 0.95, "licence number after keyword")


def _plate_shaped(value: str) -> bool:
    """True for "CBX4417", "218 GHK", "NHX 6620", "PD4 K7L": letters and digits the way states issue them (not
    "IN 2000", "AND 700", "PA28")."""
    parts = re.split(r"[- ]", value)
    compact = "".join(parts)
    if compact.isdigit() or compact.isalpha() or not 5 <= len(compact) <= 8:
        return False
    if len(parts) == 1:
        return True
    first, second = parts
    if any(p.isalpha() and lexicon().common_level(p.lower()) <= 35 for p in parts):
        return False  # "AND 700", "THE M2": a word, not a letter group
    mixed = all(not p.isdigit() and not p.isalpha() for p in parts)
    # "BWK-J47", "ABC 1D2": three letters, then a group that mixes letters and digits.
    lettered = first.isalpha() and len(first) == 3 and not second.isalpha() and not second.isdigit()
    return mixed or lettered or first.isalpha() and second.isdigit() and len(first) == 3 and len(second) >= 3 or \
        first.isdigit() and second.isalpha() and len(second) == 3 and len(first) >= 2


def plates(info: TextInfo, quantity: re.Pattern[str]) -> Iterator[Finding]:
    """Plates after a cue word ("plate HGT4471", "temp tag T 9921834"); without digits only a partial plate."""
    text = info.text
    last_end = -1
    for pos in info.positions(_PLATE_KEYS):
        # Every cue is tried, even inside a rejected match: "an expired tag, temp tag T 9921834".
        m = PLATE_RE.match(text, pos) if pos >= last_end and (not pos or not text[pos - 1].isalnum()) else None
        if not m:
            continue
        value = m.group(1)
        compact = re.sub(r"[- ]", "", value)
        has_digit = any(c.isdigit() for c in compact)
        if len(compact) < 2 or len(compact) > 9 or (info.mixed and not value.isupper() and not value.isdigit()):
            continue
        partial = re.search(r"partial", text[max(0, m.start() - 12):m.start()], re.IGNORECASE)
        if not has_digit and not (partial and value.isupper()) and (len(compact) < 4 or info.style != "mixed"):
            continue
        if value.isdigit() and (len(compact) < 4 or quantity.match(text, m.end(1))):
            continue
        first = value.split()[0]
        if " " in value and first.isalpha() and len(first) > 1 and lexicon().common_level(first.lower()) <= 20:
            continue  # "TAG AT 5000'": a word after the cue, not a plate
        last_end = m.end()
        yield make(text, "PLATE", m.start(1), m.end(1), 0.95, "plate after keyword")

"""BADGE and CASE: numbers that identify an officer, a unit or a record (PLATE, VIN and DL are in ``vehicles.py``).

Almost all of them are recognised by a keyword right before the value ("badge #4471", "RD# 23-118822"); a value
with a keyword is auto tier, a bare value that only looks right is review tier. Radio traffic names units without
keywords ('"S-5, county."', '"27 copy enroute"'), and a unit named once is the same unit when it recurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import vehicles
from .finding import Finding, make
from .text import DIGITS, TextInfo, alternation_prefixes, matches

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

_CALLSIGN_SHAPE_RE = re.compile(r"\d{1,2}[- ]?[A-Za-z]|[A-Za-z]+-\d")
_BADGE_WORDS = (r"badges?|shield|star|unit|units|car|cars|cruiser|beat|call[- ]?sign|radio|employee|personnel|serial|"
                r"psn|dsn|id|patrol\s+car|squad|medic|engine|ladder|truck|rescue")
_CASE_WORDS = (r"case|incident|report|rpt|rd|cfs|cad|event|complaint|file|run|oca|dr|ir|cr|ccn|arrest|citation|ticket|"
               r"warrant|docket|reference|ref|log|call\s+for\s+service|cfs\s+call|control|inc|booking|go|rb|cc|item")
_BADGE_KEYS = alternation_prefixes(_BADGE_WORDS)
_CASE_KEYS = alternation_prefixes(_CASE_WORDS)
BADGE_RE = re.compile(
    r"\b(?:" + _BADGE_WORDS + r")"
    + _NUM + r"(\d{1,2}-\d{1,3}|\d{1,6}[A-Za-z]{0,2}\d{0,3}|\d?[A-Za-z]{1,2}-?\d{1,4}|"
    + PHONETIC + r"[- ]?\d{1,3})" + _VAL_END
    + r"(?:\s*(?:and|&|,|or)\s*(?:#\s*)?(\d{1,6}[A-Za-z]?\d{0,3})\b)?",
    re.IGNORECASE,
)
# Spelled-out call signs: "Two-Lincoln-Nine", "one-adam-twelve".
_SPELLED = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_SPELLED_KEYS = alternation_prefixes(_SPELLED[3:-1])
SPELLED_CALLSIGN_RE = re.compile(rf"\b{_SPELLED}-{PHONETIC}-{_SPELLED}(?:-{_SPELLED})?\b", re.IGNORECASE)
# Radio traffic in quotes: '"S-5, county."', '"27 copy enroute"', '"Copy, S-5."'.
RADIO_RE = re.compile(r"[\"\u201c](?:copy,?[ \t]+)?([A-Z]{1,2}-?\d{1,3}|\d{1,3}[A-Z]{1,2}\d{1,3}|\d{1,3})"
                      r"(?=,[ \t]+(?:county|dispatch|out|copy|go|en)\b|[ \t]+(?:copy|out\s+with|enroute|en\s+route|"
                      r"on\s+scene|10-\d{1,2})\b|[.,][\"\u201d ])", re.IGNORECASE)
# ("OFC. J. MCCRAY #H409", "OFC. R. MENDIOLA 1M22.": a letter inside a badge or call sign)
_AFTER_OFFICER_RE = re.compile(r"\s*(?:\(\s*#?(\d{3,6})\s*\)|#([A-Z]?\d{2,6})\b|"
                               r",?[ \t]+([A-Z]{1,2}-?\d{1,4}|\d[A-Z]\d{1,3})(?=[\s,.;]))")
# Agency prefix, year and serial: "TCSO-23-011592", "DPD-2022-00417".
CASE_SHAPE_RE = re.compile(r"[A-Z](?<!\w\w)[A-Z]{1,4}-(?:19|20)?\d{2}-\d{3,8}\b")  # (?<!\w\w): see ages
# Any short code glued to "#" before a record-shaped value is a record number's cue ("GO# 2023-612847", "RB#
# AF41877", "CC# 20230422-0139-01"), except the cues of other identifiers, which their own detectors read.
CODE_HASH_RE = re.compile(r"#[ \t]*([A-Z]{0,4}-?\d[\dA-Z-]{3,}(?<=\d))(?![\w-])")
_CODE_BEFORE_RE = re.compile(r"(?<![\w-])[A-Z]{1,4}$")
_OTHER_CUES = frozenset("""DL CDL OLN OL LIC LP VIN SSN SS PH TEL CELL FAX DOB ID UNIT CAR BDG EMP PSN DSN APT STE RM RT
RTE HWY SR US I MM MP FL FLT RWY TWY GATE TAG REG PLT""".split())
# Court-file style record numbers without a cue: a year, a court or offence code, a serial ("23CR418772",
# "2023-CF-001234"); a month between the numbers makes it a military date instead ("12MAR2023").
COURT_FILE_RE = re.compile(r"\d{2}(?:\d\d)?(-?)([A-Z]{1,4})\1\d{4,8}\b")
_MONTHS = frozenset("JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC".split())
_STRONG_BADGE = re.compile(r"badge|shield|star|call|employee|personnel|serial|psn|dsn|id|radio", re.IGNORECASE)

CASE_RE = re.compile(
    r"\b(?:" + _CASE_WORDS + r")"
    r"(?:\s*(?:#|(?:no\.?|num(?:ber)?\.?|nr\.?|id|:|,|was|is|of)(?![a-z])))*\s*"  # ("#E23-0441": letters after #)
    # (an agency's initials may close the number: "Case 22-1187-NCSO")
    r"([A-Za-z]{0,4}-?\d[\dA-Za-z-]{3,}(?<=\d)(?:-[A-Z]{2,5}(?![\w-]))?)" + _VAL_END,
    re.IGNORECASE,
)
# A year and a five-to-seven digit serial is a record number even without a cue ("CCR 23-087412"); an unknown
# code in capitals right before it makes that sure.
YEAR_SERIAL_RE = re.compile(r"(?<![\w/.:-])(?:19|20)?\d{2}-\d{5,7}(?![\w/-]|\.\d)")
_SERIAL_CODE_BEFORE_RE = re.compile(r"(?<![\w-])([A-Z]{2,5})#?[ \t]*$")


def _quantity_follows(text: str, end: int) -> bool:
    return bool(_QUANTITY.match(text, end))


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield BADGE, CASE, PLATE, VIN and DL findings in *info*."""
    text = info.text
    for m in matches(info, SPELLED_CALLSIGN_RE, _SPELLED_KEYS) if "-" in text else ():
        yield make(text, "BADGE", *m.span(), 0.9, "radio call sign in words")
    if not info.has_digit:
        yield from vehicles.plates(info, _QUANTITY)  # only a partial plate after "plate"/"tag" can be letters alone
        return
    for m in matches(info, CASE_RE, _CASE_KEYS):
        value = m.group(1)
        digits = sum(c.isdigit() for c in value)
        if digits < 5 and not (digits >= 4 and "-" in value) and \
                not re.search(r"[#:]|no\.?|num", m.group(0)[: m.start(1) - m.start()], re.IGNORECASE):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", value) or re.fullmatch(r"\d{1,2}-\d{1,2}-\d{2,4}", value):
            continue  # a year or a date, not a record number
        yield make(text, "CASE", m.start(1), m.end(1), 0.96, "record number after keyword")
    for m in CASE_SHAPE_RE.finditer(text) if "-" in text else ():
        yield make(text, "CASE", *m.span(), 0.9, "agency-year-serial record number")
    for m in matches(info, YEAR_SERIAL_RE, DIGITS) if "-" in text else ():
        code = _SERIAL_CODE_BEFORE_RE.search(text, max(0, m.start() - 7), m.start())
        cued = code is not None and code.group(1) not in _OTHER_CUES
        yield make(text, "CASE", *m.span(), 0.9 if cued else 0.8, "year and serial record number")
    hash_at = text.find("#")
    while hash_at > 0:
        # Read from each "#" (the code glued before it is checked backwards), not with a pattern tried everywhere.
        code = _CODE_BEFORE_RE.search(text, max(0, hash_at - 5), hash_at)
        m = CODE_HASH_RE.match(text, hash_at) if code and code.group() not in _OTHER_CUES else None
        if m and (sum(c.isdigit() for c in m.group(1)) >= 5 or "-" in m.group(1)):
            yield make(text, "CASE", *m.span(1), 0.93, "record number after a code and #")
        hash_at = text.find("#", hash_at + 1)
    for m in matches(info, COURT_FILE_RE, DIGITS):
        if m.group(2) not in _MONTHS:
            yield make(text, "CASE", *m.span(), 0.85, "court-file record number")
    for m in matches(info, BADGE_RE, _BADGE_KEYS):
        if _quantity_follows(text, m.end(1)) or re.fullmatch(r"(?:19|20)\d\ds?", m.group(1)) and \
                not _STRONG_BADGE.match(m.group(0)):
            continue  # "car 2014", "the 1990s": a year (but "CAR 2214" is a car number)
        if len(m.group(1)) == 1 and not re.match(r"(?:beat|car|unit|badge)", m.group(0), re.IGNORECASE):
            continue  # "Engine 1", "Employee 1": a one-digit number identifies a beat or car, rarely anything else
        strong = _STRONG_BADGE.match(m.group(0)) or any(c.isdigit() for c in m.group(1))
        # A "#" glued to the number is part of it ("#4471"); after a space it is only punctuation.
        start = m.start(1) - 1 if text[m.start(1) - 1:m.start(1)] == "#" else m.start(1)
        yield make(text, "BADGE", start, m.end(1), 0.93 if strong else 0.6, "unit/badge number after keyword")
        if m.group(2):
            yield make(text, "BADGE", m.start(2), m.end(2), 0.9, "unit/badge number in a list")
    call_end = -1
    for m in matches(info, _CALLSIGN_SHAPE_RE, _CALLSIGN_KEYS):
        # The cheap shape test ("12-A", "Adam-1") rules out almost every number and name before the full pattern.
        call = CALLSIGN_RE.match(text, m.start()) if m.start() >= call_end else None
        if call:
            call_end = call.end()
            yield make(text, "BADGE", *call.span(), 0.92, "radio call sign")
    for m in RADIO_RE.finditer(text) if '"' in text or "\u201c" in text else ():
        yield make(text, "BADGE", *m.span(1), 0.85, "unit named in radio traffic")
    yield from vehicles.detect(info, _QUANTITY)


def badges_after_people(info: TextInfo, people: list[Finding]) -> Iterator[Finding]:
    """Yield the badge or unit right after a titled officer's name: "OFC T. REYES (4471)", "Ofc. Hodan Ali #4408",
    "DEP B. AMSTUTZ S14"."""
    for person in people:
        m = _AFTER_OFFICER_RE.match(info.text, person.end)
        if m and person.reason.startswith("rank"):
            group = m.lastindex or 0
            yield make(info.text, "BADGE", m.start(group), m.end(group), 0.9, "badge or unit after an officer's name")


def badge_rementions(info: TextInfo, badges: list[Finding]) -> Iterator[Finding]:
    """Yield later mentions of a unit already found ("UNIT S-27" ... "S-27 copy"): letters and digits only, so a
    bare number that recurs as a quantity is never matched."""
    values = {f.text.lstrip("#") for f in badges if re.search(r"[A-Za-z]", f.text) and re.search(r"\d", f.text)}
    for value in values:
        for m in re.finditer(rf"(?<![\w-]){re.escape(value)}(?![\w-])", info.text):
            yield make(info.text, "BADGE", *m.span(), 0.9, "re-mention of a unit")

"""DATE and TIME: an exact day or an exact clock time, in the many ways reports write them.

A month, weekday or holiday alone ("in March", "on Christmas") is not a date: only an exact day is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .text import DIGITS, TextInfo, alternation_prefixes, matches, prefixes

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
WEEKDAY = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|"
           r"sun(?:day)?)\.?")
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:(?:19|20)\d{2}|'\d{2})"
HOLIDAY = (r"(?:christmas(?:\s+(?:eve|day|morning|night))?|new\s+year'?s(?:\s+(?:eve|day))?|thanksgiving(?:\s+day)?|"
           r"halloween(?:\s+night)?|easter(?:\s+sunday)?|independence\s+day|(?:the\s+)?(?:fourth|4th)\s+of\s+july|"
           r"july\s+4th|memorial\s+day|labor\s+day|veterans'?\s+day|valentine'?s\s+day|st\.?\s+patrick'?s\s+day|"
           r"mother'?s\s+day|father'?s\s+day|super\s+bowl\s+sunday|black\s+friday|cinco\s+de\s+mayo|"
           r"(?:mlk|martin\s+luther\s+king(?:\s+jr\.?)?)\s+day|good\s+friday|presidents'?\s+day|columbus\s+day|"
           r"mardi\s+gras|fat\s+tuesday|ash\s+wednesday)")
_AFTER_NUMBER = (r"(?![\w/:-])(?!\s*(?:feet|ft|miles?|yards?|yds|inch|%|percent|mph|lbs?|kts|knots|msl|agl|'|"
                 r"officers|deputies|people|units|times|rounds|shots|minutes|mins|seconds|hours|hrs|days|cars)\b)")

DATE_PATTERNS: list[tuple[re.Pattern[str], float, str]] = [
    (re.compile(rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b", re.I), 0.98,
     "day month year"),
    (re.compile(rf"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR}\b|(?!\w)){_AFTER_NUMBER}", re.I), 0.95,
     "month and day"),
    (re.compile(rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+of\s+{MONTH}(?!\w)", re.I), 0.93, "day of month"),
    (re.compile(rf"\b{HOLIDAY},?\s+(?:of\s+)?{YEAR}\b", re.I), 0.97, "holiday with year"),
    (re.compile(r"\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b"), 0.98, "ISO date"),
    # Military and CAD forms: "14MAR22", "03DEC2022".
    (re.compile(r"\b(?:0?[1-9]|[12]\d|3[01])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:\d{4}|\d{2})\b",
                re.I), 0.95, "compact day-month-year"),
    # A compact date after its cue: "DATE 20230611", "DOB: 19900417".
    (re.compile(r"\b(?:date|dated|dob|on)\b[:#]?\s*((?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))\b", re.I),
     0.93, "compact date after its cue"),

]
# A named day with a year: "Derby Day 2014", "Mardi Gras day 2022" (the holiday list cannot know every festival).
DAY_YEAR_RE = re.compile(r"\b[Dd]ay,?\s+(?:of\s+)?(?:19|20)\d{2}\b")
# The name before "Day <year>", read backwards from it (function words that open a sentence are not part of it).
NAMED_DAY_RE = re.compile(r"\b(?!(?:On|In|At|The|By|For|Since|Until|After|Before|During|It|That|Was)\s)"
                          r"(?:[A-Z][a-z]+\s+){1,3}$")
_MONTH_KEYS = prefixes("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_KEYS = prefixes("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DATE_KEYS = [_WEEKDAY_KEYS | DIGITS | prefixes("the"), _WEEKDAY_KEYS | _MONTH_KEYS,
              _WEEKDAY_KEYS | DIGITS | prefixes("the"),
              alternation_prefixes(HOLIDAY.replace("(?:", "").replace(")", "")) | DIGITS, DIGITS, DIGITS,
              prefixes("date", "dated", "dob", "on")]
_SHORT_DATE_KEYS = _WEEKDAY_KEYS | DIGITS | prefixes("on", "dated", "date", "of")
_WEEKDAY_NAME_RE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|Every|Each|That|This|Next|Last|One|Some|Any)"
                              r"(?:day)?\b")
# (The lookbehind follows the first digit so the regex engine can skip straight to digits.)
NUMERIC_DATE_RE = re.compile(r"(\d(?<![\w/.-]\d)\d?)([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)")
SHORT_DATE_RE = re.compile(
    rf"(?:\b({WEEKDAY}|on|dated|date|of)\s*,?\s+)?(?<![\w/.-])(\d{{1,2}})/(\d{{1,2}})(?![\w/]|\.\d)", re.I)
# "Last Friday (3/17) around 0130": a weekday with its date in parentheses.
PAREN_DATE_RE = re.compile(rf"\b{WEEKDAY}\s*\(\s*(\d{{1,2}})/(\d{{1,2}})(?:/(?:\d{{4}}|\d{{2}}))?\s*\)", re.I)
_FRACTIONS = {"1/2", "1/3", "2/3", "1/4", "3/4", "1/8", "3/8", "5/8", "7/8", "1/16"}
_FIXED_HOLIDAYS = re.compile(r"(?:july|jul)\.?\s+4(?:th)?$|(?:dec|december)\.?\s+2[45](?:th)?$|"
                             r"(?:oct|october)\.?\s+31(?:st)?$|(?:jan|january)\.?\s+1(?:st)?$", re.I)

TIME_PATTERNS: list[tuple[re.Pattern[str], float, str]] = [
    (re.compile(r"(?<![\d:.])((?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)(?![\d:])", re.I), 0.95, "clock time"),
    (re.compile(r"\b(1[0-2]|0?[1-9])\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)", re.I), 0.95, "clock time (am/pm)"),
    (re.compile(r"\b((?:[01]\d|2[0-3])[0-5]\d)\s*(?:hrs\b|hr\b|hours\b|h\b|hundred\s+hours\b|local\b|lcl\b|z\b|"
                r"zulu\b|l\b)", re.I), 0.95, "24-hour time"),
]
TIME_AFTER_DATE_RE = re.compile(r"\s*[,.]?\s*(?:at\s+|@\s*|around\s+|approx\.?\s+)?((?:[01]\d|2[0-3])[0-5]\d)(?![\d:])"
                                + r"(?!\s*(?:feet|ft|miles?|block|blk|hours?\s+of|rounds|people|officers|units))", re.I)
# A time corrected in the same breath: "At 0215, no, 0251 per the CAD".
CORRECTION_RE = re.compile(r"[ \t]*[,;]?[ \t]*(?:no|correction|sorry|i\s+mean|make\s+that|actually)[,.]?[ \t]+"
                           r"((?:[01]\d|2[0-3])[0-5]\d|(?:[01]?\d|2[0-3]):[0-5]\d)(?![\d:])", re.I)
_LEAD_RE = re.compile(r"(?:the\s+)?", re.I)
_TIME_UNIT_RE = re.compile(r"\s*(?:hrs\b|hours\b|hr\b|h\b|a\.m\.?|p\.m\.?|am\b|pm\b|local\b|lcl\b|z\b|zulu\b)", re.I)
_WEEKDAY_BEFORE_RE = re.compile(rf"\b{WEEKDAY},?\s+(?:the\s+)?$", re.I)
_AT_KEYS = prefixes("at", "around", "approximately", "about", "by", "until", "till", "after", "before", "since", "time",
                    "copy")
# A 24-hour time after "at", "time" or a radio "copy": "at 2210", "TIME 1420", '"Copy, 2241."'.
AT_TIME_RE = re.compile(r"\b(?:at|around|approximately|approx\.?|about|by|until|till|after|before|since|time:?|"
                        r"copy,?)\s+((?:[01]\d|2[0-3])[0-5]\d)" + _AFTER_NUMBER, re.I)


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield DATE and TIME findings in *info*."""
    if not info.has_digit:
        return  # every day and clock time written with numbers needs a digit
    text = info.text
    date_ends: list[int] = []
    for (pattern, confidence, reason), keys in zip(DATE_PATTERNS, _DATE_KEYS):
        for m in matches(info, pattern, keys):
            # An attached weekday is part of the DATE; a leading "the" is not; a cue word ("DATE 20230611") is not.
            start = m.start(1) if m.lastindex else _LEAD_RE.match(text, m.start()).end()
            if start == m.start():
                start = _with_weekday(text, start)
            value = text[start:m.end()]
            if reason in ("month and day", "day of month") and (_FIXED_HOLIDAYS.search(value) or
                                                                 re.match(r"(?:4th|fourth)\s+of\s+july", value, re.I)):
                continue  # "July 4th" or "the 4th of July" with no year is a holiday, not an identifying date
            if value[:3].lower() == "may" and info.mixed and value[0] == "m":
                continue  # lowercase "may" in mixed text is the verb
            date_ends.append(m.end())
            yield make(text, "DATE", start, m.end(), confidence, reason)
    for day in DAY_YEAR_RE.finditer(text) if " day" in info.lower else ():
        m = NAMED_DAY_RE.search(text, max(0, day.start() - 60), day.start())
        if m and not _WEEKDAY_NAME_RE.match(m.group()):
            date_ends.append(day.end())
            yield make(text, "DATE", m.start(), day.end(), 0.93, "named day with year")
    for m in NUMERIC_DATE_RE.finditer(text):
        first, second = int(m.group(1)), int(m.group(3))
        if not (1 <= first <= 12 and 1 <= second <= 31 or 1 <= second <= 12 and 1 <= first <= 31):
            continue
        if m.group(2) != "/" and len(m.group(4)) == 2 and m.group(2) == ".":
            continue  # "1.2.15" is more likely a version or statute than a date
        date_ends.append(m.end())
        yield make(text, "DATE", _with_weekday(text, m.start()), m.end(), 0.97, "numeric date")
    for m in matches(info, PAREN_DATE_RE, _WEEKDAY_KEYS):
        if 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
            date_ends.append(m.end())
            yield make(text, "DATE", *m.span(), 0.92, "weekday + (month/day)")
    for m in matches(info, SHORT_DATE_RE, _SHORT_DATE_KEYS):
        month, day = int(m.group(2)), int(m.group(3))
        if not (1 <= month <= 12 and 1 <= day <= 31) or f"{month}/{day}" in _FRACTIONS and not m.group(1):
            continue
        if m.group(1):
            date_ends.append(m.end())
            weekday = m.group(1).lower() not in ("on", "dated", "date", "of")
            yield make(text, "DATE", m.start(1) if weekday else m.start(2), m.end(), 0.92, "weekday/on + month/day")
    # A TIME span is the whole expression with its unit ("2300hrs", "11:42 pm"), as reports write it.
    time_ends: list[int] = []
    for pattern, confidence, reason in TIME_PATTERNS:
        for m in matches(info, pattern, DIGITS):
            time_ends.append(m.end(1))
            yield make(text, "TIME", m.start(1), _unit_end(text, m.end(1)), confidence, reason)
    for m in matches(info, AT_TIME_RE, _AT_KEYS):
        if info.style == "upper" and not m.group(1).startswith("0") and m.group(1).endswith("00"):
            continue  # "AT 2000" in ASRS-style text is usually an altitude (a round number; "APPROX 2315" is a time)
        time_ends.append(m.end(1))
        yield make(text, "TIME", m.start(1), _unit_end(text, m.end(1)), 0.8, "4-digit time after 'at'")
    for end in date_ends:
        m = TIME_AFTER_DATE_RE.match(text, end)
        if m:
            time_ends.append(m.end(1))
            yield make(text, "TIME", m.start(1), _unit_end(text, m.end(1)), 0.93, "4-digit time right after a date")
    for end in time_ends:
        m = CORRECTION_RE.match(text, _unit_end(text, end))
        if m:
            yield make(text, "TIME", m.start(1), _unit_end(text, m.end(1)), 0.9, "corrected time")


def _unit_end(text: str, end: int) -> int:
    """Extend a clock value over a following unit ("hrs", "hours", "pm", "a.m.")."""
    m = _TIME_UNIT_RE.match(text, end)
    return m.end() if m else end


def _with_weekday(text: str, start: int) -> int:
    """Move a date's start back over an attached weekday: the DATE is "Sat 9/7", not "9/7"."""
    m = _WEEKDAY_BEFORE_RE.search(text, max(0, start - 14), start)
    return m.start() if m else start

"""AGE: an age tied to a person ("Jaden Whitlock (16)", "84 yrs", "a 16-year-old", "W/M 34").

Durations ("20 years on the job", "5 years ago") are not ages and are filtered by the word that follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .text import DIGITS, TextInfo, matches, prefixes

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORD = (rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})")
AGE_NUM = rf"(?:\d{{1,3}}|{NUMBER_WORD})"

_AGE_KEYS = prefixes("age", "aged", "ages", "dob")
_NUMBER_KEYS = DIGITS | prefixes(*_UNITS, *_TEENS, *_TENS)
YEARS_OLD_RE = re.compile(rf"\b({AGE_NUM})\s*(?:-|\s)?\s*(?:years?|yrs?|yr)\.?\s*(?:-|\s)?\s*old\b", re.I)
YO_RE = re.compile(r"\b(\d{1,3})\s*-?\s*(?:y/o|y\.o\.?|yo|yoa|y\.o\.a\.?)(?![\w/])", re.I)
AGE_KEYWORD_RE = re.compile(r"\b(?:age|aged|ages|dob\s+age)\s*[:=]?\s*(\d{1,3})\b(?!\s*(?:years?|yrs?)\s+ago)", re.I)
PAREN_AGE_RE = re.compile(
    r"\(\s*(?:[WBHAIwbhai]/?[MFmf],?\s*|[MFmf]\s*/\s*|age\s*)?(\d{1,2}|1[01]\d)\s*(?:y/o|yo|yoa|yrs?)?\s*\)")
# (The word boundary is checked after the first letter, "(?<!\w\w)", so the engine can skip to candidate letters.)
RACE_SEX_AGE_RE = re.compile(r"[WBHA](?<!\w\w)(?:/[MF],?\s+(\d{1,2})|[MF],\s*(\d{1,2}))\b")
BARE_YEARS_RE = re.compile(
    r"\b(\d{1,3})\s*(?:years|yrs)\b\.?(?=\s*[,.;)]|\s*$|(?<=\.)|\s+(?:of\s+age|male|female|man|woman))", re.I)
# Right after a named person: "Marcus Dell, 19, who ...", "Jaden Whitlock (16)", "Pettit was 41 and ...".
AFTER_NAME_RE = re.compile(
    r"(?:['\u2019]s)?(?:\s*,\s*(?:age\s*|aged\s*)?|\s*\(\s*|\s+(?:was|is|,)\s+(?:age\s+)?)(\d{1,3})(?!\d)"
    r"(?=\s*\)|\s*(?:,|\.(?!\d)|;|:|$|\n)|\s+(?:and|who|from|of|was|with|had|is|at|when|years?|yrs?|y/o|yo)\b)",
    re.I)
# CAD and ASRS-style records put the age right after the name: "DUSTIN KAHLER 33, ACTIVE WARRANT", "ARMIJO 26 ADV".
RECORD_AGE_RE = re.compile(r"[ \t]+(\d{1,2})(?=[ \t]*[,.;)](?!\d)|[ \t]*$|"
                           r"[ \t]+(?:y/?o|yoa|yrs?|adv|advised|stated|was|"
                           r"and|w/|who|dob|ssn|(?:[A-Z]{2}[ \t]+)?(?:c?dl|oln|lic|ol))\b)", re.I)  # ("BRUNO-WHITE 24 CO DL ...")
# "The girl was 16.", "he is only 15 and": an age stated about a person noun or pronoun.
STATED_AGE_RE = re.compile(
    r"\b(?:girl|boy|kid|child|son|daughter|victim|suspect|juvenile|teen|teenager|driver|shooter|he|she)\s+"
    r"(?:was|is|were|turned|had\s+just\s+turned)\s+(?:only\s+|just\s+|barely\s+)?(\d{1,2})"
    r"(?=\s*[.,;!](?!\d)|\s+(?:and|at|when|years?|yrs?|then)\b)", re.I)
_STATED_KEYS = prefixes("girl", "boy", "kid", "child", "son", "daughter", "victim", "suspect", "juvenile", "teen",
                        "teenager", "driver", "shooter", "he", "she")
# "a 15-year-old Crown Vic", "a 10 year old house": the age of a thing (a vehicle, a building, an animal).
_THING_AFTER_RE = re.compile(
    r"[ \t]+(?:[a-z]+[ \t]+)?(?:car|cars|truck|trucks|vehicle|van|sedan|suv|pickup|cruiser|crown[ \t]+vic|"
    r"motorcycle|bike|boat|trailer|house|home|building|roof|tree|dog|cat|horse|pit[ \t]?bull|tire|tires|radio|"
    r"computer|system|policy|case|tahoe|impala|charger|explorer|ford|chevy|dodge|toyota|honda|nissan|jeep)\b",
    re.IGNORECASE)
# A parenthesised number right after one of these is a count or a list item, not an age.
_NOT_PERSON_BEFORE = re.compile(r"(?:step|page|item|exhibit|rule|section|part|code|\d)\s*$", re.I)


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield AGE findings in *info*."""
    text = info.text
    # An AGE span is the whole expression ("84 yrs", "a 16 year old" -> "16 year old", "age 88"); only a bare
    # number beside a name ("Jaden Whitlock (16)", "Marcus Dell, 19,") is the number alone.
    for m in matches(info, YEARS_OLD_RE, _NUMBER_KEYS):
        value = m.group(1)
        if value.isdigit() and not 0 < int(value) < 120 or _THING_AFTER_RE.match(text, m.end()):
            continue
        yield make(text, "AGE", *m.span(), 0.97, "N years old")
    if not info.has_digit:
        return  # every other form of age is written with digits
    for m in matches(info, YO_RE, DIGITS):
        yield make(text, "AGE", *m.span(), 0.95, "N y/o")
    for m in matches(info, AGE_KEYWORD_RE, _AGE_KEYS):
        yield make(text, "AGE", *m.span(), 0.93, "age after keyword")
    for m in PAREN_AGE_RE.finditer(text):
        before = text[max(0, m.start() - 30):m.start()]
        word = re.search(r"([A-Za-z][A-Za-z'.-]*)\s*,?\s*$", before)
        if not word or _NOT_PERSON_BEFORE.search(before):
            continue
        # A capitalised word or a person noun right before "(16)" ties the number to someone.
        person_like = info.capitalized(word.group(1)) or re.search(
            r"(?:male|female|man|woman|boy|girl|son|daughter|juvenile|suspect|victim|driver|passenger|teen|kid|child"
            r"|subject|brother|sister)$", word.group(1), re.I)
        if not person_like:
            continue
        if int(m.group(1)) < 2:
            continue
        small = int(m.group(1)) < 5  # "(2)", "(3)" after a capitalised word are usually list numbers
        yield make(text, "AGE", *m.span(1), 0.7 if small else 0.93, "number in parentheses after a person")
    for m in matches(info, STATED_AGE_RE, _STATED_KEYS):
        if 0 < int(m.group(1)) < 100:
            yield make(text, "AGE", *m.span(1), 0.9, "age stated about a person")
    for m in RACE_SEX_AGE_RE.finditer(text):
        group = 1 if m.group(1) else 2
        yield make(text, "AGE", m.start(group), m.end(group), 0.9, "race/sex + age")
    for m in matches(info, BARE_YEARS_RE, DIGITS):
        if not 0 < int(m.group(1)) < 120:
            continue
        before = text[max(0, m.start() - 3):m.start()]
        confidence = 0.9 if re.search(r"[,(]\s*$", before) else 0.65
        yield make(text, "AGE", *m.span(), confidence, "N yrs tied to a person")


def after_people(info: TextInfo, people: list[Finding]) -> Iterator[Finding]:
    """Yield ages written right after a found person: "Marcus Dell, 19," or "trevor langley (15)"."""
    text = info.text
    for person in people:
        m = AFTER_NAME_RE.match(text, person.end) or (RECORD_AGE_RE.match(text, person.end) if not info.mixed else None)
        if m and 0 < int(m.group(1)) < 110:
            yield make(text, "AGE", *m.span(1), 0.93, "number right after a named person")

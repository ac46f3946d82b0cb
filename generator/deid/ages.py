"""AGE: an age tied to a person ("Jaden Whitlock (16)", "84 yrs", "a 16-year-old", "W/M 34").

Durations ("20 years on the job", "5 years ago") are not ages and are filtered by the word that follows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .text import TextInfo

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORD = (rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})")
AGE_NUM = rf"(?:\d{{1,3}}|{NUMBER_WORD})"

YEARS_OLD_RE = re.compile(rf"\b{AGE_NUM}\s*(?:-|\s)?\s*(?:years?|yrs?|yr)\.?\s*(?:-|\s)?\s*old\b", re.I)
YO_RE = re.compile(r"\b\d{1,3}\s*(?:y/o|y\.o\.?|yo|yoa|y\.o\.a\.?)(?![\w/])", re.I)
AGE_KEYWORD_RE = re.compile(r"\b(?:age|aged|ages|dob\s+age)\s*[:=]?\s*(\d{1,3})\b(?!\s*(?:years?|yrs?)\s+ago)", re.I)
PAREN_AGE_RE = re.compile(r"\(\s*(?:[WBHAIwbhai]/?[MFmf],?\s*|[MFmf]\s*/\s*|age\s*)?(\d{1,2}|1[01]\d)\s*(?:y/o|yo|yoa|yrs?)?\s*\)")
RACE_SEX_AGE_RE = re.compile(r"\b[WBHA]/[MF],?\s+(\d{1,2})\b|\b[WBHA][MF],\s*(\d{1,2})\b")
BARE_YEARS_RE = re.compile(r"\b(\d{1,3})\s*(?:years|yrs\.?)(?=\s*[,.;)]|\s+(?:of\s+age|male|female|man|woman))", re.I)
# A parenthesised number right after one of these is a count or a list item, not an age.
_NOT_PERSON_BEFORE = re.compile(r"(?:step|page|item|exhibit|rule|section|part|code|\d)\s*$", re.I)


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield AGE findings in *info*."""
    text = info.text
    for m in YEARS_OLD_RE.finditer(text):
        value = re.match(AGE_NUM, m.group(), re.I).group()
        if value.isdigit() and not 0 < int(value) < 120:
            continue
        yield make(text, "AGE", *m.span(), 0.97, "N years old")
    for m in YO_RE.finditer(text):
        yield make(text, "AGE", *m.span(), 0.95, "N y/o")
    for m in AGE_KEYWORD_RE.finditer(text):
        yield make(text, "AGE", m.start(), m.end(), 0.93, "age after keyword")
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
        yield make(text, "AGE", *m.span(), 0.93, "number in parentheses after a person")
    for m in RACE_SEX_AGE_RE.finditer(text):
        group = 1 if m.group(1) else 2
        yield make(text, "AGE", m.start(group), m.end(group), 0.9, "race/sex + age")
    for m in BARE_YEARS_RE.finditer(text):
        if not 0 < int(m.group(1)) < 120:
            continue
        before = text[max(0, m.start() - 3):m.start()]
        confidence = 0.9 if re.search(r"[,(]\s*$", before) else 0.65
        yield make(text, "AGE", *m.span(), confidence, "N yrs tied to a person")

"""PLACE and ADDRESS re-mentions: a place, a street or an agency's town found once is the same place wherever its
name recurs in the report ("Colfax on a Friday night ... at East Colfax and Pennsylvania", "concord pd ... in
concord", "W ALAMEDA AVE ... FLED WB ON ALAMEDA").

Like re-mentions of a person (``mentions.py``), the first finding is the evidence, so a bare word that would be too
weak alone is reported; only names that are not common English words or frequent given names are repeated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .text import TextInfo

# The agency words after a town's name ("Concord PD", "Glendale Police Department", "Pima County Sheriff's Office").
_AGENCY_TAIL_RE = re.compile(
    r"\s+(?:p\.?d\.?|police(?:\s+(?:department|dept\.?|division|bureau))?|sheriff['\u2019]?s?(?:\s+(?:office|"
    r"department|dept\.?))?|s\.?o\.?|fire(?:\s+(?:department|dept\.?|rescue))?|fd|ems|dispatch|marshals?)$",
    re.IGNORECASE)
# The parts of a street finding that are not its name: a house number, a direction, the suffix, a business.
_SPLIT_RE = re.compile(r"\s+(?:and|at|&)\s+|\s*/\s*|\s+on\s+", re.IGNORECASE)
_NOT_CORE_RE = re.compile(
    r"^(?:\d+[A-Za-z]?\s+|(?:blk|block)\s+(?:of\s+)?|(?:[NSEW]\.?|north|south|east|west)\s+)+|"
    r"\s+(?:st|street|ave|avenue|av|rd|road|blvd|boulevard|dr|drive|ln|lane|ct|court|pl|place|way|pkwy|parkway|hwy|"
    r"highway|cir|circle|ter|terrace|trl|trail|pike|loop|expy|fwy)\.?(?:\s+(?:[NSEW]|east|west|north|south))?$",
    re.IGNORECASE)
_ACRONYM_RE = re.compile(r"[A-Za-z]{2,6}")
_TOWN_REASONS = ("known US town", "town, state", "city, state")
_STREET_REASONS = ("named street", "intersection", "two names", "house number", "block of", "street named",
                   "road and cross")


def detect(info: TextInfo, findings: list[Finding]) -> list[Finding]:
    """Re-mentions of the places and streets among *findings* (confident ones only), not overlapping any of them."""
    names: dict[str, tuple[str, float]] = {}
    for finding in findings:
        if finding.confidence < 0.85 or info.style == "upper" and finding.reason.startswith(_TOWN_REASONS):
            continue  # (in capitals a town is an airport's as often: "BRADLEY", "MANCHESTER" in ASRS narratives)
        for name, type_ in _names(finding):
            if type_ == "AGENCY" and _ACRONYM_RE.fullmatch(name) or _repeatable(name):
                names.setdefault(name.lower(), (type_, min(finding.confidence, 0.9)))
    if not names:
        return []
    text, lower = info.text, info.lower
    starts = [f.start for f in findings]  # findings are sorted and disjoint
    echoes: list[Finding] = []
    taken: list[tuple[int, int]] = []
    # Longest names first, so "east colfax" is taken before the "colfax" inside it. A plain substring search per
    # name is cheaper than compiling an alternation of this text's names.
    for name in sorted(names, key=len, reverse=True):
        start = lower.find(name)
        while start >= 0:
            end = start + len(name)
            # (without capitals in mixed text "concord" is a word; an acronym keeps its case: "JSO", not "jso")
            surface = text[start:end]
            acronym = names[name][0] == "AGENCY"
            if _whole_word(lower, start, end) and not (info.mixed and not surface[0].isupper()) and \
                    not (acronym and info.style != "lower" and not surface.isupper()) and \
                    not _overlaps(findings, starts, start, end) and \
                    not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                type_, confidence = names[name]
                echoes.append(make(text, type_, start, end, confidence, "re-mention of a place, street or agency"))
            start = lower.find(name, end)
    return sorted(echoes, key=lambda f: f.start)


def _whole_word(lower: str, start: int, end: int) -> bool:
    """True when [start, end) is not part of a longer word ("colfax" in "colfaxes", "alameda" in "e-alameda")."""
    before = lower[start - 1] if start else " "
    after = lower[end] if end < len(lower) else " "
    return not (before.isalnum() or before in "'\u2019-_" or after.isalnum() or after in "-_")


def _names(finding: Finding) -> Iterable[tuple[str, str]]:
    """The repeatable names in one finding: a place, an agency's town, the names of the streets in an address."""
    if finding.type == "PLACE":
        yield finding.text, "PLACE"
    elif finding.type == "AGENCY" and "acronym" in finding.reason:
        yield finding.text, "AGENCY"  # "JSO" defined once, or "LMPD" read once, is the agency wherever it recurs
    elif finding.type == "AGENCY" and finding.reason == "named agency":
        town = _AGENCY_TAIL_RE.sub("", finding.text)
        if town != finding.text:
            yield town, "PLACE"
    elif finding.type == "ADDRESS" and finding.reason.startswith(_STREET_REASONS):
        for part in _SPLIT_RE.split(finding.text):
            core = _NOT_CORE_RE.sub("", part.strip())
            if core != part.strip() or finding.reason.startswith(("two names", "street named", "road and cross")):
                yield core, "ADDRESS"


@lru_cache(maxsize=4096)
def _repeatable(name: str) -> bool:
    """True when *name* alone is distinctive enough to be the same place again (not "Main", "Park", "Mason")."""
    lex = lexicon()
    words = name.lower().split()
    if not words or len(name) < 4 or any(not w.isalpha() and not re.fullmatch(r"[a-z][a-z'.-]*", w) for w in words):
        return False
    if lex.place_kind(name) == "state" or any(w in NOT_NAMES for w in words):
        return False
    if len(words) > 1:
        return any(lex.common_level(w) > 35 for w in words)
    word = words[0]
    if lex.place_kind(word) in ("city", "county"):
        return lex.common_level(word) > 20  # "concord", "auburn"; not "mission", "hope"
    return lex.common_level(word) > 35 and not lex.is_given(word, 2000)


def _overlaps(findings: list[Finding], starts: list[int], start: int, end: int) -> bool:
    """True when [start, end) overlaps one of the sorted, disjoint *findings* (*starts*: their start offsets)."""
    i = bisect_right(starts, start)
    return i > 0 and findings[i - 1].end > start or i < len(findings) and findings[i].start < end

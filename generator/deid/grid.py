"""ADDRESS: streets of a numbered grid ("600 South", "at 700 East and 400 South", "3300 SOUTH AT STATE ST"), the
way Salt Lake City and many Utah and Idaho towns name their streets: a number of hundreds and a direction.

A number before a capitalised direction is a street only where a street is expected (after "on"/"at"/"near", or
joined to another street by "and"), so "drove 200 East" in a sentence about distances is not one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .text import DIGITS, TextInfo, matches

_DIRECTION = r"(?:North|South|East|West|NORTH|SOUTH|EAST|WEST|N|S|E|W)\b(?![-/'\u2019]|\.\d)"
_GRID = rf"\d{{3,5}}[ \t]+{_DIRECTION}"
# What may follow "and"/"at" in a grid intersection: another grid street or a named street ("State St", "Redwood Rd").
_OTHER = (rf"{_GRID}|(?:[A-Z][a-z]+|[A-Z]{{3,}})(?:[ \t]+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Dr|Drive|Way|Hwy|ST|AVE|"
          r"RD|BLVD|DR|WAY|HWY)\b\.?)?")
# "900 W 600 N": a grid address is two grid numbers with nothing between them.
GRID_RE = re.compile(rf"(?<![\d,.$])({_GRID})(?:[ \t]*(?:and|AND|&|/|at|AT)[ \t]*({_OTHER})|[ \t]+({_GRID}))?")
_HINT_RE = re.compile(r"\d00[ \t]+[NSEW]")
_CUE_BEFORE_RE = re.compile(r"\b(?:at|on|onto|near|off|to|of|and|from|down|up|along|&|/)[ \t]*$", re.IGNORECASE)
_NOT_AFTER_RE = re.compile(r"[ \t]*(?:of|bound|side|end|coast|wind|winds|heading|quadrant)\b", re.IGNORECASE)


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield ADDRESS findings for grid streets and their intersections."""
    text = info.text
    if not info.has_digit or not _HINT_RE.search(text):
        return  # (one scan for a number before a direction letter rules out most texts)
    for m in matches(info, GRID_RE, DIGITS):
        value = int(m.group(1).split()[0])
        if value % 100 or _NOT_AFTER_RE.match(text, m.end(1)):
            continue  # grid streets are whole hundreds; "200 East of the bridge" is a distance
        cued = _CUE_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
        if m.group(3) and not int(m.group(3).split()[0]) % 100:
            yield make(text, "ADDRESS", m.start(), m.end(3), 0.9, "grid address")
        elif m.group(2):
            yield make(text, "ADDRESS", m.start(), m.end(2), 0.9, "grid streets joined")
        elif cued and len(m.group(1).split()[1]) > 1:  # ("AT 6700 W": an altitude and a bearing, in ASRS)
            yield make(text, "ADDRESS", *m.span(1), 0.85, "grid street")

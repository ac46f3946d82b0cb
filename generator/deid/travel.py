"""ADDRESS: a street named without its suffix, found from the travel words around it: "westbound on Colfax",
"SUSP FLED WB ON ALAMEDA", "he turned onto Speedway", "ran down Cherokee on foot".

Only roads follow a direction of travel or "turned onto", so the name needs no street suffix; a numbered highway
("northbound on I-75") is generic and left alone, and a name with a suffix is read by ``streets.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .streets import STREET_WORDS, SUFFIX_WORD_RE
from .text import TextInfo, matches, prefixes

# The reading starts at the word before the road: a direction of travel ("westbound on", "WB ON") or "onto",
# "down", "along" after a verb of moving. Anchoring on these few words, not on the many verbs, keeps the cost low.
_BOUND = r"(?:(?:north|south|east|west)bound|[NSEW]B)[ \t]+(?:on|onto|along)"
_MOVE = r"(?:onto|down|along)"
_BOUND_KEYS = prefixes("northbound", "southbound", "eastbound", "westbound", "nb", "sb", "eb", "wb")
_MOVE_KEYS = prefixes("onto", "down", "along")
_VERB_BEFORE_RE = re.compile(r"\b(?:turned|turning|pulled|pulling|merged|swerved|swung|veered|exited|cut|fled|ran|"
                             r"running|drove|driving|sped|speeding|raced|racing|headed|heading|took[ \t]+off|went|"
                             r"chased|chasing|followed|following)(?:[ \t]+(?:him|her|them|it))?"
                             r"(?:[ \t]+back)?(?:[ \t]+on[ \t]+foot)?[ \t]+$", re.IGNORECASE)
_MIXED_NAME = r"([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\b(?![ \t]*[-/]?\d)"
_PLAIN_NAME = r"([A-Za-z]{3,})\b(?![ \t]*[-/]?\d)"
MIXED_BOUND_RE = re.compile(rf"(?i:{_BOUND})[ \t]+{_MIXED_NAME}")
PLAIN_BOUND_RE = re.compile(rf"{_BOUND}[ \t]+{_PLAIN_NAME}", re.IGNORECASE)
MIXED_MOVE_RE = re.compile(rf"(?i:{_MOVE})[ \t]+{_MIXED_NAME}")
PLAIN_MOVE_RE = re.compile(rf"{_MOVE}[ \t]+{_PLAIN_NAME}", re.IGNORECASE)
# Roads named by number or kind, and words that follow "down"/"up" without naming a road.
_NOT_ROADS = frozenset("""interstate highway hwy route rte freeway expressway turnpike tollway parkway road street
avenue lane alley driveway ramp shoulder median sidewalk block hill stairs street the a an his her my our their
there here it him them this that road way side back front middle center left right hall hallway corridor""".split())


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield ADDRESS findings for street names read from travel words."""
    text = info.text
    bound, move = (MIXED_BOUND_RE, MIXED_MOVE_RE) if info.mixed else (PLAIN_BOUND_RE, PLAIN_MOVE_RE)
    found = list(matches(info, bound, _BOUND_KEYS))
    found += [m for m in matches(info, move, _MOVE_KEYS)
              if _VERB_BEFORE_RE.search(text, max(0, m.start() - 24), m.start())]
    for m in found:
        finding = _road(info, m)
        if finding:
            yield finding


def _road(info: TextInfo, m: re.Match[str]) -> Finding | None:
    """The road named in group 1 of *m*, or None when the words name something else."""
    text, lex = info.text, lexicon()
    lows = m.group(1).lower().split()
    after = SUFFIX_WORD_RE.match(text, m.end(1) + 1) if text[m.end(1):m.end(1) + 1] == " " else None
    if after or any(w in NOT_NAMES or w in _NOT_ROADS for w in lows) or \
            lex.place_kind(m.group(1)) == "state" or len(lows[0]) <= 2:
        return None  # "onto Salem Ave" is read by streets.py; "down the hill", "onto I-75", "up Ohio" are not
    distinctive = any(lex.common_level(w) > 35 for w in lows)
    if not info.mixed and not (distinctive or lows[0] in STREET_WORDS):
        return None  # without capitals a common word is the verb's object, not a road ("ran down stairs")
    return make(text, "ADDRESS", m.start(1), m.end(1), 0.9 if info.mixed and distinctive else 0.75,
                "street named by travel words")

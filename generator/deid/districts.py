"""PLACE: neighbourhoods, districts and parts of a town named by the words around them, known town or not:
"the Maryvale neighborhood", "the Brandon area", "the Hilltop side of town", "over in Dorchester", "out by Mission".

A report names the part of town where something happened far more often than the town itself, and no shipped list
holds neighbourhood names, so the evidence is the area noun after the name or the "over in" / "out by" before it.
A name of common English words only ("the Parking area", "out in Traffic") is too weak, except before a noun that
only ever follows a place ("the Old Mill neighborhood", review tier).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, TOWN_WORDS, lexicon
from .text import TextInfo, anchored, matches, prefixes

# Nouns that follow the name of a part of town. The first group only ever follows a place; "area" or "district"
# follow many other words, so a name before them must be distinctive.
_PLACE_NOUNS = (r"neighbou?rhoods?|subdivision|side[ \t]+of[ \t]+(?:town|the[ \t]+city)|"
                r"recreation[ \t]+(?:area|site)")
# (A police division or precinct is named after its part of town: "the Hollenbeck Division", "UNIVERSITY CITY DIV.")
_OTHER_NOUNS = r"area|district|division|div|precinct|substation"
_NOUN = rf"(?:{_PLACE_NOUNS}|{_OTHER_NOUNS})"
_NOUN_GATE = re.compile(rf"{_NOUN}\b", re.IGNORECASE)
_NOUN_KEYS = prefixes("neighborhood", "neighbourhood", "subdivision", "side", "area", "district", "recreation",
                      "division", "precinct", "substation")
# "the Maryvale neighborhood": a determiner or a place preposition before the name keeps a sentence's subject
# ("Maryvale police were ...") out; the name is one to three capitalised words (any case without capitals).
_LEAD = r"(?:\b(?:the|in|into|around|our|my|his|her|their|that|of)[ \t]+|(?:(?<![^\n])|[,;:(/])[ \t]*)"
_NOT_NAME = r"(?!(?:the|a|an|of|in|and|or|to|at|on)\b)"
# (A capitalised "Side" is part of the name, "the Near West Side"; a capitalised "Area" or "Section" more often ends
# the name of a unit or a zone, "Logistics Section", "Impact Area", and landmarks.py reads "District".)
MIXED_AREA_RE = re.compile(rf"{_LEAD}((?:{_NOT_NAME}[A-Z][A-Za-z'\u2019.-]+[ \t]+){{1,3}})"
                           rf"({_NOUN}|Side|Division|Div|Precinct|Substation)\b")
PLAIN_AREA_RE = re.compile(rf"{_LEAD}((?:{_NOT_NAME}[a-z][a-z'\u2019.-]+[ \t]+){{1,2}})({_NOUN})\b", re.IGNORECASE)
# "over in Dorchester", "out by Mission", "down in the Flats": a movement word plus a place preposition.
# With capitals, "in/near X" is read by places.py and towns.py; only "out by X" is new evidence there.
_CUE = r"\b(?:over|out|up|down|back)[ \t]+(?:in|by|near|toward|towards|around)[ \t]+(?:the[ \t]+)?"
MIXED_CUE_RE = re.compile(r"\b(?:over|out|up|down|back)[ \t]+by[ \t]+([A-Z][a-z'\u2019]+(?:[ \t]+[A-Z][a-z'\u2019]+)?)"
                          r"(?=[ \t]*[,.;:!?)]|[ \t]+[a-z]|[ \t]*$)")
PLAIN_CUE_RE = re.compile(rf"{_CUE}([A-Za-z][A-Za-z'\u2019]+)\b(?=[ \t]*[,.;:!?)]|[ \t]+(?:and|with|when|where|on|"
                          r"at|for|to|that|area|last|this|after|before|until|near|by|off|behind|around)\b|[ \t]*$)",
                          re.IGNORECASE)
_CUE_KEYS = prefixes("over", "out", "up", "down", "back")
# Words that describe an area rather than name it, and words that name no part of a town.
_GENERIC = frozenset("""downtown uptown midtown central business industrial residential commercial parking staging
rest service waiting loading red light metro greater entire whole general same common target search landing impact
drop holding work restricted secure sally port surrounding local rural urban suburban tri-state immediate nearby
low-income poor rich nice bad rough quiet wooded open high-crime crime vice""".split())
_NAMED_NOUNS = frozenset("district division div precinct substation".split())
_TOWN_LEADS = frozenset("north south east west old new downtown uptown midtown upper lower".split())
_DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest near far lower upper".split())


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield PLACE findings for parts of a town named by an area noun or a movement cue."""
    text = info.text
    pattern = MIXED_AREA_RE if info.mixed else PLAIN_AREA_RE
    for m in anchored(info, pattern, _NOUN_KEYS, gate=_NOUN_GATE):
        place_noun = re.match(_PLACE_NOUNS, m.group(2), re.I) is not None or m.group(2) == "Side"
        confidence = _weigh_name(info, m.group(1).split(), m.start(1), place_noun, m.group(2).lower())
        if confidence:
            end = m.end(2) if info.mixed and m.group(2) == "Side" else m.end(1)
            yield make(text, "PLACE", m.start(1), end, confidence, "name before an area noun")
    for m in matches(info, MIXED_CUE_RE if info.mixed else PLAIN_CUE_RE, _CUE_KEYS):
        # (an unknown name here may be anything one can be "out by": a town, or a vehicle, "out by Polaris")
        confidence = min(_weigh_name(info, m.group(1).split(), m.start(1), True),
                         0.9 if lexicon().place_kind(m.group(1)) else 0.75)
        if confidence:
            yield make(text, "PLACE", m.start(1), m.end(1), confidence, "name after over in / out by")


def _weigh_name(info: TextInfo, words: list[str], start: int, place_noun: bool, noun: str = "") -> float:
    """Confidence that *words* name a part of town (0 when they do not); *place_noun* when the context is one that
    only ever follows a place, so ordinary capitalised words are enough for the review tier."""
    lex = lexicon()
    lows = [w.lower().strip(".'\u2019") for w in words]
    phrase = " ".join(lows)
    kind = lex.place_kind(phrase)
    # "University City", "Citrus Heights": a town word after a name makes a town's shape, even of common words.
    town_shaped = len(lows) > 1 and lows[-1] in TOWN_WORDS and lows[0] not in NOT_NAMES and lows[0] not in _GENERIC
    if kind == "state" or any((w in NOT_NAMES or w[:-1] in NOT_NAMES) and w not in _DIRECTIONS and
                              not (town_shaped and w == lows[-1]) for w in lows) or \
            all(w in _GENERIC or w in _DIRECTIONS for w in lows) or words[-1].endswith(("'s", "\u2019s")):
        return 0.0  # "the Ohio area", "the Dispatch area", "the east side of town", "the PDC's area"
    if info.mixed:
        if any(w.isupper() and len(w) > 1 for w in words) or info.sentence_start(start):
            return 0.0  # "the TRACON area": an acronym; a sentence opener's capital says nothing
        if kind:
            return 0.9
        place_noun = place_noun or town_shaped
        distinctive = any(lex.common_level(w) > 35 for w in lows)
        # "the Hazmat area" reads like "the Maryvale area": an unknown name before a weak noun is shown, not redacted.
        return 0.9 if distinctive and place_noun else 0.75 if distinctive or place_noun else 0.0
    # Without capitals: a known town (not one named like a word), or before a place noun a word in no list.
    if kind and all(lex.common_level(w) > 20 for w in lows) or len(lows) > 1 and lows[0] in _TOWN_LEADS and \
            lex.place_kind(" ".join(lows[1:])) in ("city", "county") and lex.common_level(lows[-1]) > 20:
        return 0.85  # (also "old louisville", "north nashville": a known town with a part-of-town word before it)
    if town_shaped:
        return 0.75
    unknown = all(lex.common_level(w) > 50 and not lex.is_given(w, 2000) and len(w) >= 4 and "-" not in w
                  for w in lows)
    # ("THE PASEO DISTRICT" names a part of town; before "area" an unknown word in capitals is as often ASRS jargon,
    # "RUNUP AREA", but lowercase writing is a person's: "the shively area")
    lower_area = info.style == "lower" and noun == "area" and len(lows[-1]) >= 6
    return 0.75 if unknown and (place_noun or noun in _NAMED_NOUNS or lower_area) else 0.0

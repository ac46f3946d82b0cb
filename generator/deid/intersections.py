"""ADDRESS: intersections ("Dixie and Needmore", "Grant/Oracle", "2ND AVE AND PIMA ST"), numbered routes inside an
address ("SR 87 and Baseline", "the Circle K on Route 4"), mile markers on a named road, and named exits.

A numbered highway alone ("northbound on I-75") is generic and never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .streets import (
    CHAIN_BEFORE_RE,
    CHAIN_RE,
    STREET_WORDS,
    business_before,
    loose_street_after,
)
from .text import TextInfo, anchored, matches, prefixes

JOIN_RE = re.compile(r"\s*(?:and|&|/|at)\s*", re.IGNORECASE)
CORNER_RE = re.compile(r"\b(?:intersection\s+(?:of|at)|corner\s+of|cross\s+streets?(?:\s+(?:of|were|was|are))?:?)\s+",
                       re.IGNORECASE)
_CORNER_KEYS = prefixes("intersection", "corner", "cross")
_EXIT_KEYS = prefixes("exit")
_MILE_KEYS = prefixes("mile", "mm", "mp")
_CUE_KEYS = prefixes("at", "of", "near", "on", "toward", "to", "from", "onto", "into", "past", "approaching")
# (A "mile road" is a street too: "8 Mile and Gratiot".)
_NAME = r"(?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th)|\d{1,2}\s+Mile)(?:\s+[A-Z][a-z]+)?"
BARE_INTERSECTION_RE = re.compile(
    r"\b(?:at|of|near|on|toward|towards|to|from|onto|into|past|approaching)\s+(?:the\s+)?"
    rf"({_NAME}(?:\s+and\s+|\s*[&/]\s*){_NAME})\b(?!\s+[A-Z]|[&/-])")
_LOWER_NAME = (r"(?:[a-z]{3,}|\d{1,3}(?:st|nd|rd|th))(?:[ \t]+(?:way|ave|avenue|st|street|rd|road|blvd|dr|drive|ln|"
               r"lane|ct|pl|pkwy|hwy|trl|cir)\b\.?)?")
LOWER_INTERSECTION_RE = re.compile(
    r"\b(?:at|of|near|on|onto|past|approaching)\s+(?:the\s+)?"
    rf"({_LOWER_NAME}(?:[ \t]+and[ \t]+|[ \t]*[&/][ \t]*){_LOWER_NAME})(?![\w&/])")
LOOSE_BEFORE_RE = re.compile(rf"\b({_NAME})(?:\s+and\s+|\s*[&/]\s*)$")
# "FIFTH AND XENIA AVE" in capitals: a numbered-street word or a word in no English list before "AND".
UPPER_BEFORE_RE = re.compile(r"\b((?:FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH|"
                             r"\d{1,3}(?:ST|ND|RD|TH)))"
                             r"(?:\s+AND\s+|\s*[&/]\s*)$")
BUSINESS_AT_RE = re.compile(r"((?:[A-Z][\w'\u2019&-]*\s+){1,3})at\s+$")
_HIGHWAY_KEYS = prefixes("i", "interstate", "sr", "us", "cr", "state", "county", "route", "rte", "hwy", "highway",
                         "loop", "spur", "fm", "sh", "farm")
HIGHWAY_RE = re.compile(r"\b(?:I-\d{1,3}|Interstate\s+\d{1,3}|(?:SR|US|CR|State\s+Route|State\s+Road|County\s+Road|"
                        r"Route|Rte\.?|Hwy|Highway|Loop|Spur|FM|SH|Farm\s+to\s+Market(?:\s+Road)?)"
                        r"[- ]?\d{1,4}[A-Z]?)\b", re.IGNORECASE)
MILE_MARKER_RE = re.compile(r"\b(?:mile\s*(?:marker|post)|mm|mp)\s*#?\s*\d{1,3}(?:\.\d)?\b", re.IGNORECASE)
_ROAD_AFTER_RE = re.compile(r"\s*(?:on|of|along|at)\s+(?:the\s+)?(?:(?:north|south|east|west)bound\s+)?",
                            re.IGNORECASE)
EXIT_RE = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,3})exit\b")
_MARKER_JOIN_RE = re.compile(r"[ \t]*,?[ \t]+(?:(?:near|by|around)[ \t]+)?")
_DIRECTED_RE = re.compile(r"(?:North|South|East|West|[NSEW]\.?)\s+[A-Z][a-z]+$")
_BOUND_RE = re.compile(r"[ \t]+(?:[NSEW]B|(?:north|south|east|west)bound)\b", re.IGNORECASE)
# A numbered exit on a named road pins a place like a mile marker: "exit 42 on I-75", "Exit 7A off the Pike".
EXIT_NUMBER_RE = re.compile(r"\bexit\s*#?\s*\d{1,3}[A-Za-z]?\b", re.IGNORECASE)


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield intersection, route, mile-marker and exit findings in *info*."""
    text = info.text
    for m in matches(info, CORNER_RE, _CORNER_KEYS):
        first = loose_street_after(info, m.end(), certain=True)
        join = JOIN_RE.match(text, first) if first else None
        second = loose_street_after(info, join.end(), certain=True) if join else None
        if second:
            yield make(text, "ADDRESS", m.end(), second, 0.95, "intersection")
    # Without capitals only lowercase writing is trusted: in ALL CAPS text "ARRS AND DEPS" or "JUN/FRI" are jargon.
    bare = BARE_INTERSECTION_RE if info.mixed else LOWER_INTERSECTION_RE if info.style == "lower" else None
    for m in matches(info, bare, _CUE_KEYS) if bare else ():
        parts = [p for p in re.split(r"\s*(?:\band\b|&|/)\s*", m.group(1)) if p]
        names = [p.split()[-1] if _directed(p) else p.split()[0] for p in parts]
        if any(n.isupper() and len(n) > 1 for n in names):
            continue  # acronyms: "FBO/FLT", "ACK AND MVY"
        start = _with_business(info, m.start(1))
        # "the Walgreens at Court and 20th": a business at a pair of names is at a corner, even of word-like streets.
        if start == m.start(1) and not _street_pair(info, m.group(), parts, names):
            continue
        business = start != m.start(1) and info.mixed
        # "East Colfax and Pennsylvania": a direction before a name is how streets, not towns or people, are written.
        directed = info.mixed and any(_directed(p) for p in parts)
        yield make(text, "ADDRESS", start, m.end(1), 0.9 if business or directed else 0.75,
                   "two names joined as an intersection")
    yield from _bare_corners(info)
    for m in matches(info, HIGHWAY_RE, _HIGHWAY_KEYS):
        # "I-94 WB AT HWY 83": the direction of travel stands between the road and its cross road.
        bound = _BOUND_RE.match(text, m.end())
        join = JOIN_RE.match(text, bound.end() if bound else m.end())
        second = HIGHWAY_RE.match(text, join.end()) or EXIT_NUMBER_RE.match(text, join.end()) or \
            MILE_MARKER_RE.match(text, join.end()) if join and join.group().strip() else None  # "I-65 NB at exit 121"
        other = second.end() if second else loose_street_after(info, join.end()) if join and join.group().strip() \
            else None
        if other and not second and not info.mixed and join.group().strip().lower() == "at" and \
                lexicon().common_level(text[join.end():other].split()[0].lower()) <= 35 and \
                not re.search(r"\s(?:st|rd|ave|dr|hwy|blvd|ln)\.?$", text[join.end():other], re.IGNORECASE):
            other = None  # "ONTO US-2 AT SPEEDS UP TO 95": a word after "at", not a cross street
        if other:
            yield make(text, "ADDRESS", m.start(), other, 0.95, "highway at a named street")
            continue
        near = _MARKER_JOIN_RE.match(text, bound.end() if bound else m.end())
        marker = MILE_MARKER_RE.match(text, near.end()) if near else None
        if marker:
            # "I-15 NB MP 288", "I-70 near mile marker 12"
            yield make(text, "ADDRESS", m.start(), marker.end(), 0.93, "mile marker on a named road")
            continue
        business = business_before(info, m.start())
        # "the Circle K on Route 4" names a store; "through Bruneau on highway 51" is a town, found elsewhere.
        if business is not None and (CHAIN_RE.match(text, business) or re.search(
                r"\b(?:the|a|an|at)\s+$", text[max(0, business - 5):business], re.IGNORECASE)):
            yield make(text, "ADDRESS", business, m.end(), 0.9, "business on a numbered route")
    yield from _mile_markers(info)
    for m in anchored(info, EXIT_RE, _EXIT_KEYS, group=0, offset=-5):
        yield make(text, "ADDRESS", *m.span(1), 0.8, "named exit")


# Cross streets without a cue word, when one of them is a numbered street: "Vine and 27th", "5th and Main".
# (A lettered street is one capital: "7th and J" in Sacramento or Washington; not "I" or "A".)
ORDINAL_CORNER_RE = re.compile(r"\b(?:([A-Z][a-z]+|[B-HJ-Z])\s+(?:and|&)\s+(\d{1,3}(?:st|nd|rd|th))|"
                               r"(\d{1,3}(?:st|nd|rd|th))\s+(?:and|&)\s+([A-Z][a-z]+|[B-HJ-Z]))\b"
                               r"(?=\s*[.,;:!?\"\u201d)]|\s*$)")
# "on Kellogg at Oliver": a road and the cross street where something happened on it.
_ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)\b")
_ON_KEYS = prefixes("on")
# "on Penn near 21st", "on Woodward at 7 Mile": a road, and the cross street near which something happened on it.
_CROSS = r"[A-Z][a-z]{2,}|\d{1,3}(?:st|nd|rd|th)|\d{1,2}\s+Mile"
ON_AT_RE = re.compile(rf"\bon\s+([A-Z][a-z]{{2,}})\s+(at|near|by)\s+({_CROSS})\b(?=\s*[.,;:!?]|\s+[a-z])")


def _bare_corners(info: TextInfo) -> Iterator[Finding]:
    """Intersections written without a cue word; only in mixed-case text, where capitals mark street names."""
    if not info.mixed:
        return
    text, lex = info.text, lexicon()
    for m in ORDINAL_CORNER_RE.finditer(text) if info.has_digit and _ORDINAL_RE.search(text) else ():
        name = (m.group(1) or m.group(4)).lower()
        if name not in NOT_NAMES and lex.place_kind(name) != "state" and not info.sentence_start(m.start()):
            yield make(text, "ADDRESS", *m.span(), 0.8, "named street and numbered street")
    for m in matches(info, ON_AT_RE, _ON_KEYS):
        names = [m.group(1).lower(), m.group(3).lower()]
        if all(n[0].isdigit() or n not in NOT_NAMES and lex.common_level(n) > 35 and lex.place_kind(n) != "state"
               for n in names):
            start = _with_business(info, m.start(1), on=True)
            confidence = 0.9 if start < m.start(1) else 0.75  # a chain store on the road names the spot
            yield make(text, "ADDRESS", start, m.end(1), confidence, "road and cross street")
            if m.group(2) == "at":
                yield make(text, "ADDRESS", start, m.end(3), confidence, "road and cross street")
            else:
                yield make(text, "ADDRESS", *m.span(3), 0.75, "road and cross street")


def _directed(part: str) -> bool:
    """True for "East Colfax", "N Oracle": a direction before a name that is not a state ("East Texas")."""
    return _DIRECTED_RE.match(part) is not None and lexicon().place_kind(part.split()[-1]) != "state"


def _street_pair(info: TextInfo, cue: str, parts: list[str], names: list[str]) -> bool:
    """Whether two bare names joined by "and", "&" or "/" read as cross streets."""
    lex = lexicon()
    directed = info.mixed and any(_directed(p) for p in parts)
    if any(n.lower() in NOT_NAMES and n.lower() not in STREET_WORDS or lex.place_kind(n) == "state" and not directed
           for n in names):
        return False  # (a state is a street's name only beside a directed street: "East Colfax and Pennsylvania")
    if info.mixed:
        if len(parts) > 1 and "/" in cue:
            # "Grant/Oracle": capitalised words joined by a slash, but only where someone is "at" them.
            return re.match(r"(?:at|near|past|approaching)\b", cue, re.IGNORECASE) is not None
        return lex.common_level(names[0].lower()) > 20  # "at Home and Work" is no corner
    if any(len(p.split()) > 1 for p in parts):
        return True  # "ajo way & mission": one street suffix makes the pair an intersection
    # Without capitals the first name must not be a word; the second may be one common in street names ("park").
    first, *rest = [n.lower() for n in names]
    return lex.common_level(first) > 35 and all(lex.common_level(n) > 10 or n in STREET_WORDS for n in rest)


def around_street(info: TextInfo, start: int, end: int) -> Iterator[Finding]:
    """Intersections that contain the named street at [start, end): "Salem Ave and Catalpa", "Dixie & Needmore Rd"."""
    text = info.text
    join = JOIN_RE.match(text, end)
    other = loose_street_after(info, join.end()) if join and join.group().strip() else None
    if other:
        yield make(text, "ADDRESS", _with_business(info, start), other, 0.95, "intersection of named streets")
    before = LOOSE_BEFORE_RE.search(text, max(0, start - 50), start) if info.mixed else \
        UPPER_BEFORE_RE.search(text, max(0, start - 50), start) if info.style == "upper" else None
    if before:
        yield make(text, "ADDRESS", _with_business(info, before.start(1)), end, 0.95, "intersection of named streets")


def _mile_markers(info: TextInfo) -> Iterator[Finding]:
    """"mile marker 212 on I-10", "MM 47 of SR 4", "exit 42 on I-75": a point on a named road pins a location."""
    text = info.text
    found = list(matches(info, MILE_MARKER_RE, _MILE_KEYS))
    found += matches(info, EXIT_NUMBER_RE, _EXIT_KEYS) if info.has_digit else ()
    for m in found:
        road = _ROAD_AFTER_RE.match(text, m.end())
        highway = HIGHWAY_RE.match(text, road.end()) if road else None
        end = highway.end() if highway else loose_street_after(info, road.end()) if road else None
        if end:
            yield make(text, "ADDRESS", m.start(), end, 0.93, "mile marker on a named road")


def _with_business(info: TextInfo, start: int, on: bool = False) -> int:
    """Extend an intersection back over "Kroger at" / "the BP at" (a business plus its street is one address); with
    *on*, a road after "on" takes the chain before it ("the McDonald's on Woodward at 7 Mile")."""
    m = BUSINESS_AT_RE.search(info.text, max(0, start - 50), start) if info.mixed and not on else None
    if m and not info.sentence_start(m.start(1)):
        return m.start(1)
    chain = CHAIN_BEFORE_RE.search(info.text, max(0, start - 40), start)
    on_road = on and chain and re.search(r"\bon\s+$", info.text[max(0, start - 4):start])
    return chain.start(1) if chain and (re.search(r"\bat\s+$", chain.group()) or on_road) else start

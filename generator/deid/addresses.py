"""ADDRESS: numbered addresses, blocks, intersections, a business on a street, and named streets.

A house number, block or intersection is auto tier; a named street alone is auto tier only with a clear street
suffix in mixed-case text ("Salem Ave"); "Main Street" used generically is not an address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import lexicon
from .text import DIGITS, TextInfo, alternation_prefixes, anchored, matches, prefixes

SUFFIX = (r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|place|pl|way|parkway|pkwy|"
          r"highway|hwy|circle|cir|terrace|ter|trail|trl|pike|turnpike|tpke|alley|aly|square|sq|loop|crossing|"
          r"xing|path|row|expressway|expy|freeway|fwy|bypass|plaza|pt|point|ridge|grove|hts)\b\.?")
DIRECTION = r"(?:[NSEW]\.?|north|south|east|west|northeast|northwest|southeast|southwest|NE|NW|SE|SW)"
ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
# A street-name word: never a street suffix itself, so "Wayne Ave. Jaden" stops after "Ave.".
# Street-name words that are common English words but normal in addresses ("100 Main St", "Oak Rd").
_STREET_WORDS = frozenset("""main oak elm pine maple cedar park church mill high market water lake hill spring center
union river ridge valley forest state college school bridge front walnut cherry chestnut broad grand king queen
washington lincoln jefferson madison franklin liberty poplar sycamore birch willow locust dogwood spruce hickory
meadow sunset lakeview highland ash beech""".split())
_UNIT = r"(?:\s*,?\s*(?:apt|apartment|unit|suite|ste|lot|room|rm|#)\.?\s*#?\s*[A-Za-z]?\d+[A-Za-z]?)?"
_QUANTITY = re.compile(r"\s*(?:feet|foot|ft|yards?|yds?|miles?|mi|mph|meters?|times|rounds?|people|officers|"
                       r"minutes?|seconds?|hours?|degrees?|percent|lbs?|pounds)\b", re.IGNORECASE)


_STRONG_SUFFIX = frozenset("street st avenue ave road rd boulevard blvd drive dr lane ln pike highway hwy parkway "
                           "pkwy court ct circle cir terrace ter trail trl turnpike tpke".split())
_SUFFIX_KEYS = alternation_prefixes(SUFFIX.replace("(?:", "").split(")")[0])
SUFFIX_WORD_RE = re.compile(r"\b(?:" + SUFFIX + r")(?![\w-])", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d{1,3}(?:st|nd|rd|th)", re.IGNORECASE)
_DIRECTION_RE = re.compile(rf"{DIRECTION}$", re.IGNORECASE)
NUMBER_BEFORE_RE = re.compile(r"(?<![\d,.])(\d{1,6}[A-Za-z]?)\s+$")
BLOCK_RE = re.compile(r"\b\d{1,5}\s*(?:-|\s)?(?:blk|block|hundred\s+block)\.?\s+(?:of\s+)?", re.IGNORECASE)
JOIN_RE = re.compile(r"\s*(?:and|&|/|at)\s*", re.IGNORECASE)
CORNER_RE = re.compile(r"\b(?:intersection\s+(?:of|at)|corner\s+of|cross\s+streets?(?:\s+(?:of|were|was|are))?:?)\s+",
                       re.IGNORECASE)


def _name_word_ok(info: TextInfo, word: str) -> bool:
    if info.mixed:
        return word[0].isupper() or word[0].isdigit()
    low = word.lower()
    return word[0].isdigit() or low in _STREET_WORDS or lexicon().common_level(low) > 35


def _street_before(info: TextInfo, suffix_start: int) -> int | None:
    """Start of the street name ending right before a suffix word at *suffix_start*, or None."""
    text = info.text
    window = text[max(0, suffix_start - 60):suffix_start]
    offset = suffix_start - len(window)
    start = None
    count = 0
    expected_end = len(window)
    for tok in reversed(list(_TOKEN_RE.finditer(window))):
        gap = window[tok.end():expected_end]
        word = tok.group()
        direction = _DIRECTION_RE.match(word) and count
        if not gap or "\n" in gap or gap.strip() and not (direction and gap.strip() == "."):
            break
        if direction:
            start = offset + tok.start()
            break
        if count == 3 or SUFFIX_WORD_RE.fullmatch(word) or not _name_word_ok(info, word):
            break
        start = offset + tok.start()
        count += 1
        expected_end = tok.start()
    return start if count else None


def _loose_street_after(info: TextInfo, pos: int) -> int | None:
    """End of a street name (1-3 name words, optional suffix) starting at *pos*, or None.

    Used only where an intersection is already certain (after "and" following a street), so without capitals any
    word other than a function word may be a street name ("state route 29 and mason rd")."""
    end = None
    cursor = pos
    for count in range(4):
        tok = _TOKEN_RE.match(info.text, cursor)
        if not tok:
            break
        word = tok.group()
        if SUFFIX_WORD_RE.fullmatch(word) and end is not None:
            dot = 1 if info.text[tok.end():tok.end() + 1] == "." else 0
            return tok.end() + dot
        ok = _name_word_ok(info, word) or not info.mixed and lexicon().common_level(word.lower()) > 10
        if count == 3 or not ok or word.lower() in ("and", "at", "i", "in", "on", "near", "the", "a", "to"):
            break
        end = tok.end()
        nxt = re.match(r" +", info.text[end:end + 3])
        if not nxt:
            break
        cursor = end + nxt.end()
    return end


_CUE_KEYS = prefixes("at", "of", "near", "on", "toward", "to", "from", "onto", "into", "past", "approaching", "in",
                     "outside", "through")
_HIGHWAY_KEYS = prefixes("i", "interstate", "sr", "us", "cr", "state", "county", "route", "hwy", "highway")
BARE_INTERSECTION_RE = re.compile(
    r"\b(?:at|of|near|on|toward|towards|to|from|onto|into|past|approaching)\s+(?:the\s+)?"
    r"((?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))(?:\s+[A-Z][a-z]+)?\s*(?:and|&)\s*"
    r"(?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))(?:\s+[A-Z][a-z]+)?)\b")
BUSINESS_BEFORE_RE = re.compile(r"((?:[A-Z][\w'\u2019&-]*\s+){1,3})(?:on|at|off(?:\s+of)?)\s+$")
HIGHWAY_RE = re.compile(r"\b(?:I-\d{1,3}|Interstate\s+\d{1,3}|(?:SR|US|CR|State\s+Route|State\s+Road|County\s+Road|"
                        r"Route|Hwy|Highway)[- ]?\d{1,4}[A-Z]?)\b", re.IGNORECASE)
EXIT_RE = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,3})exit\b")


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield ADDRESS findings in *info*."""
    yield from _addresses(info)


GENERIC_MAIN_RE = re.compile(r"\b(?:a|any|some|every|like|not|wasn't|isn't|no|just)\s+(?:the\s+)?$", re.IGNORECASE)
BUSINESS_COMMA_RE = re.compile(r"\bat\s+((?:[A-Z][\w'\u2019&-]*\s+){0,3}[A-Z][\w'\u2019&-]*),\s*$")


def _generic_street(words: str) -> bool:
    """True for "Main Street" and the like used without a number: generic, not an address."""
    core = re.sub(rf"^{DIRECTION}\s+|\s+{SUFFIX}$", "", words.strip(), flags=re.IGNORECASE)
    return core.lower() in {"main", "the", "a", "this", "that", "our", "my", "one", "same", "next", "dirt", "side",
                            "back", "gravel", "private", "frontage", "service", "access", "county", "state",
                            "city", "two", "four", "wrong", "open", "long", "cross", "public", "residential"}


LOOSE_BEFORE_RE = re.compile(r"\b((?:[A-Z][a-z]+|\d{1,3}(?:st|nd|rd|th))(?:\s+[A-Z][a-z]+)?)\s*(?:and|&)\s*$")


def _with_business(info: TextInfo, start: int) -> int:
    """Extend an intersection back over "Kroger at" / "the BP at" (a business plus its street is one address)."""
    m = BUSINESS_BEFORE_RE.search(info.text, max(0, start - 50), start) if info.mixed else None
    if m and re.search(r"\bat\s+$", m.group()) and not info.sentence_start(m.start(1)):
        return m.start(1)
    return start


def _streets(info: TextInfo) -> Iterator[tuple[int, int, bool]]:
    """Yield (start, end, strong) for every "<name words> <suffix>" street; weak suffixes ("place", "point")
    count without capitals only after a house number."""
    text = info.text
    for m in matches(info, SUFFIX_WORD_RE, _SUFFIX_KEYS):
        word = m.group().rstrip(".")
        if info.mixed and not word[0].isupper() or text[m.end():m.end() + 1] == "#":
            continue  # "Report RD# 23-118822": a cue word, not a road
        start = _street_before(info, m.start())
        if start is not None:
            yield start, m.end(), info.mixed or word.lower() in _STRONG_SUFFIX


def _addresses(info: TextInfo) -> Iterator[Finding]:
    text = info.text
    for start, end, strong_suffix in _streets(info):
        number = NUMBER_BEFORE_RE.search(text, max(0, start - 10), start)
        unit = re.match(_UNIT, text[end:end + 20], re.IGNORECASE)
        if number and not _QUANTITY.match(text, number.end(1)):
            # "at Gem City Pawn, 2424 E 5th St": the business named right before the address belongs to it.
            business = BUSINESS_COMMA_RE.search(text, max(0, number.start(1) - 50), number.start(1)) \
                if info.mixed else None
            begin = business.start(1) if business else number.start(1)
            yield make(text, "ADDRESS", begin, end + (unit.end() if unit else 0), 0.96, "house number + street")
            continue
        if not strong_suffix:
            continue
        join = JOIN_RE.match(text, end)
        other = _loose_street_after(info, join.end()) if join and join.group().strip() else None
        if other:
            yield make(text, "ADDRESS", _with_business(info, start), other, 0.95, "intersection of named streets")
        before = LOOSE_BEFORE_RE.search(text, max(0, start - 50), start) if info.mixed else None
        if before:
            yield make(text, "ADDRESS", _with_business(info, before.start(1)), end, 0.95,
                       "intersection of named streets")
        business = BUSINESS_BEFORE_RE.search(text, max(0, start - 60), start) if info.mixed else None
        if _generic_street(text[start:end]) and not business:
            if re.match(r"main\b", text[start:end], re.IGNORECASE) and not GENERIC_MAIN_RE.search(
                    text, max(0, start - 20), start):
                yield make(text, "ADDRESS", start, end, 0.7, "Main St used as a specific street")
            continue
        if business and (not info.sentence_start(business.start(1)) or len(business.group(1).split()) > 1):
            yield make(text, "ADDRESS", business.start(1), end, 0.94, "business on a named street")
        suffix = text[start:end].split()[-1].rstrip(".").lower()
        strong = info.mixed and suffix in _STRONG_SUFFIX
        yield make(text, "ADDRESS", start, end, 0.93 if strong else 0.7, "named street")
    for m in matches(info, BLOCK_RE, DIGITS):
        end = _loose_street_after(info, m.end())
        if end:
            yield make(text, "ADDRESS", m.start(), end, 0.95, "block of a street")
    for m in matches(info, CORNER_RE, prefixes("intersection", "corner", "cross")):
        first = _loose_street_after(info, m.end())
        join = JOIN_RE.match(text, first) if first else None
        second = _loose_street_after(info, join.end()) if join else None
        if second:
            yield make(text, "ADDRESS", m.end(), second, 0.95, "intersection")
    if info.mixed:
        lex = lexicon()
        for m in matches(info, BARE_INTERSECTION_RE, _CUE_KEYS):
            words = re.findall(r"[A-Za-z]+", m.group(1))
            if any(lex.common_level(w.lower()) <= 20 for w in words if w.lower() != "and"):
                continue
            yield make(text, "ADDRESS", _with_business(info, m.start(1)), m.end(1), 0.75,
                       "two proper names joined as an intersection")
    # Numbered highways alone are generic; inside an intersection they are part of the address.
    for m in matches(info, HIGHWAY_RE, _HIGHWAY_KEYS):
        join = JOIN_RE.match(text, m.end())
        other = _loose_street_after(info, join.end()) if join and join.group().strip() else None
        if other:
            yield make(text, "ADDRESS", m.start(), other, 0.95, "highway at a named street")
    for m in anchored(info, EXIT_RE, prefixes("exit"), group=0, offset=-5):
        yield make(text, "ADDRESS", *m.span(1), 0.8, "named exit")

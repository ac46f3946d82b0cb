"""ADDRESS: numbered addresses, blocks, a business on a street, and named streets.

A house number or block is auto tier; a named street alone is auto tier only with a clear street suffix in
mixed-case text ("Salem Ave"); "Main Street" used generically is not an address. Intersections, mile markers and
numbered routes are in ``intersections.py``; the street-name parsing both share is in ``streets.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import grid, intersections, travel
from .finding import Finding, make
from .lexicon import lexicon
from .streets import (
    STRONG_SUFFIX,
    business_before,
    generic_street,
    loose_street_after,
    streets,
)
from .text import DIGITS, TextInfo, matches

_UNIT = r"(?:\s*,?\s*(?:apt|apartment|unit|suite|ste|lot|room|rm|#)\.?\s*#?\s*[A-Za-z]?\d+[A-Za-z]?)?"
_UNIT_RE = re.compile(_UNIT, re.IGNORECASE)
_QUANTITY = re.compile(r"\s*(?:feet|foot|ft|yards?|yds?|miles?|mi|mph|meters?|times|rounds?|people|officers|"
                       r"minutes?|seconds?|hours?|degrees?|percent|lbs?|pounds)\b", re.IGNORECASE)
NUMBER_BEFORE_RE = re.compile(r"(?<![\d,.])(\d{1,6}[A-Za-z]?)\s+$")
BLOCK_RE = re.compile(r"\b\d{1,5}\s*(?:-|\s)?(?:blk|block|hundred\s+block)\.?\s+(?:of\s+)?", re.IGNORECASE)
GENERIC_MAIN_RE = re.compile(r"\b(?:a|any|some|every|like|not|wasn't|isn't|no|just)\s+(?:the\s+)?$", re.IGNORECASE)
BUSINESS_COMMA_RE = re.compile(r"\bat\s+((?:[A-Z][\w'\u2019&-]*\s+){0,3}[A-Z][\w'\u2019&-]*),\s*$")


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield ADDRESS findings in *info*."""
    yield from _named_streets(info)
    for m in matches(info, BLOCK_RE, DIGITS):
        end = loose_street_after(info, m.end(), certain=True)
        if end:
            yield make(info.text, "ADDRESS", m.start(), end, 0.95, "block of a street")
    yield from intersections.detect(info)
    yield from travel.detect(info)
    yield from grid.detect(info)


def _named_streets(info: TextInfo) -> Iterator[Finding]:
    text = info.text
    for start, end, strong_suffix in streets(info):
        number = NUMBER_BEFORE_RE.search(text, max(0, start - 10), start)
        unit = _UNIT_RE.match(text[end:end + 20])
        if number and not _QUANTITY.match(text, number.end(1)):
            # "at Gem City Pawn, 2424 E 5th St": the business named right before the address belongs to it.
            business = BUSINESS_COMMA_RE.search(text, max(0, number.start(1) - 50), number.start(1)) \
                if info.mixed else None
            begin = business.start(1) if business else number.start(1)
            yield make(text, "ADDRESS", begin, end + (unit.end() if unit else 0), 0.96, "house number + street")
            continue
        if not strong_suffix:
            # "AJO WAY" in capitals: "way" names a street when the word before it is in no English list.
            words = text[start:end].split()
            if len(words) == 2 and words[1].upper() == "WAY" and lexicon().common_level(words[0].lower()) > 50:
                yield make(text, "ADDRESS", start, end, 0.7, "named way")
            continue
        yield from intersections.around_street(info, start, end)
        business = business_before(info, start)
        if generic_street(text[start:end]) and business is None:
            if re.match(r"main\b", text[start:end], re.IGNORECASE) and not GENERIC_MAIN_RE.search(
                    text, max(0, start - 20), start):
                yield make(text, "ADDRESS", start, end, 0.7, "Main St used as a specific street")
            continue
        if business is not None:
            # Without capitals only a chain name marks the business: sure enough to show, not to redact blind.
            yield make(text, "ADDRESS", business, end, 0.94 if info.mixed else 0.85, "business on a named street")
        suffix = text[start:end].split()[-1].rstrip(".").lower()
        strong = info.mixed and suffix in STRONG_SUFFIX
        yield make(text, "ADDRESS", start, end, 0.93 if strong else 0.7, "named street")

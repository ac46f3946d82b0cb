"""PLACE: named landmarks — hospitals, schools, parks, venues, lakes ("Miami Valley Hospital", "Lake Travis",
"eastwood lake") — found from a landmark word and the proper words next to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .text import TextInfo, anchored, matches, positions, prefixes

LANDMARK_RE = re.compile(
    r"\b((?:St\.\s+)?(?:[A-Z][A-Za-z'\u2019.-]+\s+){1,4})((?i:Park|MetroPark|Mall|High\s+School|Middle\s+School|"
    r"Elementary(?:\s+School)?|Academy|University|College|Hospital|Medical\s+Center|Church|Cathedral|Temple|Mosque|"
    r"Synagogue|Bridge|Lake|River|Creek|Stadium|Arena|Airport|Plaza|Apartments|Apts|Estates|Manor|Towers|"
    r"Cemetery|Library|Motel|Hotel|Inn|Tavern|Lounge|Casino|Marina|Campground|Reservoir|Dam|Tunnel|Clinic|Health|"
    r"Shopping\s+Center|Center|Centre|Complex|Commons|Gardens|Woods|Forest|Canyon|Beach|Island|Bay|Trail|Tower|"
    r"Fair|Pavilion|Mound|Campus|AFB|Air\s+Force\s+Base|Fairgrounds|Zoo|Museum|Theater|Theatre|Expo))\b")
LOWER_LANDMARK_RE = re.compile(
    r"\b([a-z]{3,}(?:\s+[a-z]{3,})?)\s+(high\s+school|middle\s+school|elementary|hospital|lake|park|mall|bridge|"
    r"church|cemetery|campus|pavilion|stadium|arena|airport|reservoir|metropark|fairgrounds)\b")
_LOWER_LANDMARK_KEYS = prefixes(*"""high middle elementary hospital lake park mall bridge church cemetery campus
pavilion stadium arena airport reservoir metropark fairgrounds""".split())
# "Lake Travis", "Mount Hood", "Camp Pendleton": the landmark word comes first.
LEADING_LANDMARK_RE = re.compile(r"\b(Lake|Mount|Mt\.?|Camp)\s+([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)\b"
                                 r"(?!\s+(?:St|Ave|Rd|Dr|Blvd|Ln|Ct|Way|Pkwy|Hwy|Street|Avenue|Road|Drive|Lane)\b)")
_LEADING_KEYS = prefixes("lake", "mount", "mt", "camp")
_FACILITY_WORDS = frozenset("""dispatch training command operations communications visitor visitors information support
service services control incident coordination community recreation health medical detention juvenile correctional
justice maintenance fire police county city state national regional public senior youth day convention conference
business industrial office government civic municipal federal emergency trauma science research""".split())
_GENERIC_LANDMARK_WORDS = frozenset("""the a an our my his her their this that police fire county city state national
community local public elementary high middle school junior senior regional memorial general medical main
shopping trauma emergency children's the""".split())
_LANDMARK_KEYS = prefixes(*"""clinic health park metropark mall high middle elementary academy university college
hospital medical church cathedral temple mosque synagogue bridge lake river creek stadium arena airport plaza
apartments apts estates manor towers cemetery library motel hotel inn tavern lounge casino marina campground
reservoir dam tunnel shopping center centre complex commons gardens woods forest canyon beach island bay trail tower
fair pavilion mound campus afb air fairgrounds zoo museum theater theatre expo""".split())


_LANDMARK_SUFFIX_RE = re.compile(LANDMARK_RE.pattern.split(")((?i:", 1)[1].rsplit("))", 1)[0].join(("(?i:", r")\b")))
_PROPER_RE = re.compile(r"(?:St\.\s+)?[A-Z][A-Za-z'\u2019.-]+\s+$")


class _Landmark:
    """A regex-match-like view of "<proper words> <landmark word>" found by walking back from the keyword."""

    def __init__(self, text: str, words_start: int, suffix_start: int, suffix_end: int) -> None:
        self._spans = {0: (words_start, suffix_end), 1: (words_start, suffix_start), 2: (suffix_start, suffix_end)}
        self._text = text

    def group(self, i: int = 0) -> str:
        """Text of group *i* (0 all, 1 the proper words with trailing space, 2 the landmark word)."""
        start, end = self._spans[i]
        return self._text[start:end]

    def start(self, i: int = 0) -> int:
        """Start offset of group *i*."""
        return self._spans[i][0]

    def end(self, i: int = 0) -> int:
        """End offset of group *i*."""
        return self._spans[i][1]


def _landmarks(info: TextInfo) -> Iterator[_Landmark]:
    """Capitalised words (up to four) right before a landmark word: "Miami Valley Hospital"."""
    text = info.text
    for key_start in positions(info.token_index, _LANDMARK_KEYS):
        suffix = _LANDMARK_SUFFIX_RE.match(text, key_start)
        if not suffix:
            continue
        start, count = key_start, 0
        while count < 4:
            m = _PROPER_RE.search(text, max(0, start - 40), start)
            if not m or "\n" in m.group():
                break
            start, count = m.start(), count + 1
        if count:
            yield _Landmark(text, start, key_start, suffix.end())


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield landmark PLACE findings in *info*."""
    yield from _mixed(info) if info.mixed else _lower(info)


def _mixed(info: TextInfo) -> Iterator[Finding]:
    text, lex = info.text, lexicon()
    for m in _landmarks(info):
        words = m.group(1).split()
        while words and (words[0].lower() in _GENERIC_LANDMARK_WORDS or lex.common_level(words[0].lower()) <= 10):
            words.pop(0)
        if not words:
            continue
        start = m.end(1) - len(" ".join(words)) - 1
        if m.group(2).islower() and LANDMARK_RE.fullmatch(" ".join(words)):
            # "Wegerzyn Gardens pavilion": the landmark is "Wegerzyn Gardens"; the lowercase word describes it.
            start = m.end(1) - len(" ".join(words)) - 1
            yield make(text, "PLACE", start, m.end(1), 0.92, "named landmark")
            continue
        if m.group(2).lower() == "campus":
            if len(words) == 1 and words[0].isupper():
                yield make(text, "PLACE", m.start(2) - len(words[0]) - 1, m.start(2) - 1, 0.9, "campus name")
            continue
        distinctive = any(lex.common_level(w.lower().strip(".")) > 35 for w in words)
        if m.group(2).lower() == "health" and not distinctive:
            continue  # "Mental Health", "Public Health": a field, not a hospital system
        if all(w.lower().strip(".") in _FACILITY_WORDS for w in words):
            continue  # "Dispatch Center", "Training Center": a generic facility
        yield make(text, "PLACE", start, m.end(), 0.92 if distinctive else 0.7, "named landmark")
    for m in matches(info, LEADING_LANDMARK_RE, _LEADING_KEYS):
        word = m.group(2).lower()
        if word in NOT_NAMES or lex.common_level(word) <= 20 or info.sentence_start(m.start()) and \
                m.group(1).lower() == "camp":
            continue
        cued = re.search(r"\b(?:in|on|at|near|to|from|of|into|across|around)\s+(?:the\s+)?$",
                         text[max(0, m.start() - 12):m.start()], re.IGNORECASE)
        yield make(text, "PLACE", *m.span(), 0.9 if cued else 0.75, "Lake/Mount/Camp + name")


def _lower(info: TextInfo) -> Iterator[Finding]:
    text, lex = info.text, lexicon()
    for m in anchored(info, LOWER_LANDMARK_RE, _LOWER_LANDMARK_KEYS):
        words = m.group(1).split()
        while words and lex.common_level(words[0]) <= 35:
            words.pop(0)
        if not words or any(w in NOT_NAMES for w in words):
            continue
        start = m.end(1) - len(" ".join(words))
        yield make(text, "PLACE", start, m.end(), 0.75, "named landmark (no capitals)")

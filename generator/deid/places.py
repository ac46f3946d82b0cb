"""PLACE: cities, counties, "City of X", "X, OH", and named landmarks (hospitals, schools, parks, venues).

States alone are not identifying enough to flag. Cities come from the shipped gazetteer (Census counties plus a
hand-written city list) and, in mixed-case text, from a capitalised unknown name right after "in"/"near"/"from".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .text import TextInfo, anchored, matches, prefixes

STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
          "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC").split()
_STATE_NAMES = (r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|"
                r"Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|"
                r"Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
                r"New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|"
                r"South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
                r"Wisconsin|Wyoming")
COUNTY_RE = re.compile(r"\b((?:[A-Z][a-z'.-]+\s+){1,3})(County|Parish|Township|Twp\.?|Borough)\b")
CITY_OF_RE = re.compile(
    r"\b(?:City|Town|Village|Borough|Township)\s+of\s+((?:[A-Z][a-z'.-]+)(?:\s+[A-Z][a-z'.-]+){0,2})")
CITY_STATE_RE = re.compile(rf"\b((?:[A-Z][a-z'.-]+\s+){{0,2}}[A-Z][a-z'.-]+),\s*(?:{'|'.join(STATES)}|{_STATE_NAMES})\b"
                           r"(?:\s+\d{5}(?:-\d{4})?)?")
LANDMARK_RE = re.compile(
    r"\b((?:St\.\s+)?(?:[A-Z][A-Za-z'\u2019.-]+\s+){1,4})((?i:Park|MetroPark|Mall|High\s+School|Middle\s+School|"
    r"Elementary(?:\s+School)?|Academy|University|College|Hospital|Medical\s+Center|Church|Cathedral|Temple|Mosque|"
    r"Synagogue|Bridge|Lake|River|Creek|Stadium|Arena|Airport|Plaza|Apartments|Apts|Estates|Manor|Towers|"
    r"Cemetery|Library|Motel|Hotel|Inn|Tavern|Lounge|Casino|Marina|Campground|Reservoir|Dam|Tunnel|"
    r"Shopping\s+Center|Center|Centre|Complex|Commons|Gardens|Woods|Forest|Canyon|Beach|Island|Bay|Trail|Tower|"
    r"Fair|Pavilion|Mound|Campus|AFB|Air\s+Force\s+Base|Fairgrounds|Zoo|Museum|Theater|Theatre|Expo))\b")
LOWER_LANDMARK_RE = re.compile(
    r"\b([a-z]{3,}(?:\s+[a-z]{3,})?)\s+(high\s+school|middle\s+school|elementary|hospital|lake|park|mall|bridge|"
    r"church|cemetery|campus|pavilion|stadium|arena|airport|reservoir|metropark|fairgrounds)\b")
CONTEXT_PLACE_RE = re.compile(r"\b(?:in|near|outside|from|to|of|toward|towards|through)\s+"
                              r"((?:West|East|North|South|New|Old|Fort|Mount|Port|Saint|St\.)\s+)?([A-Z][a-z]{3,})\b"
                              r"(?=\s*[,.;]|\s+(?:and|for|on|at|to|in|with|where|when|which|who|that|but|area)\b)")
_FACILITY_WORDS = frozenset("""dispatch training command operations communications visitor visitors information support
service services control incident coordination community recreation health medical detention juvenile correctional
justice maintenance fire police county city state national regional public senior youth day convention conference
business industrial office government civic municipal federal emergency trauma science research""".split())
_GENERIC_LANDMARK_WORDS = frozenset("""the a an our my his her their this that police fire county city state national
community local public elementary high middle school junior senior regional memorial general medical main
shopping trauma emergency children's the""".split())
_PLACE_CUE_KEYS = prefixes("in", "near", "outside", "from", "to", "of", "toward", "towards", "through")
_COUNTY_KEYS = prefixes("county", "parish", "township", "twp", "borough")
_LANDMARK_KEYS = prefixes(*"""park metropark mall high middle elementary academy university college hospital medical
church cathedral temple mosque synagogue bridge lake river creek stadium arena airport plaza apartments apts estates
manor towers cemetery library motel hotel inn tavern lounge casino marina campground reservoir dam tunnel shopping
center centre complex commons gardens woods forest canyon beach island bay trail tower fair pavilion mound campus afb
air fairgrounds zoo museum theater theatre expo""".split())


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
    for key_start in sorted({s for key in _LANDMARK_KEYS for s in info.token_index.get(key, ())}):
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
    """Yield PLACE findings in *info*."""
    yield from _places(info)
    yield from _gazetteer(info)


def _places(info: TextInfo) -> Iterator[Finding]:
    text, lex = info.text, lexicon()
    if info.mixed:
        for m in anchored(info, COUNTY_RE, _COUNTY_KEYS):
            words = m.group(1).split()
            while words and lex.common_level(words[0].lower()) <= 20 and len(words) > 1:
                words.pop(0)
            start = m.end(1) - len(" ".join(words)) - 1
            yield make(text, "PLACE", start, m.end(), 0.95, "named county/township")
        for m in CITY_OF_RE.finditer(text):
            yield make(text, "PLACE", *m.span(), 0.93, "City of ...")
        for m in CITY_STATE_RE.finditer(text):
            yield make(text, "PLACE", *m.span(), 0.95, "city, state")
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
            if all(w.lower().strip(".") in _FACILITY_WORDS for w in words):
                continue  # "Dispatch Center", "Training Center": a generic facility
            yield make(text, "PLACE", start, m.end(), 0.92 if distinctive else 0.7, "named landmark")
        for m in matches(info, CONTEXT_PLACE_RE, _PLACE_CUE_KEYS):
            word = m.group(2).lower()
            if lex.common_level(word) <= 50 or lex.name_score(word) >= 0.95 or word in NOT_NAMES or \
                    lex.place_kind(word) == "state":
                continue
            yield make(text, "PLACE", m.start(1) if m.group(1) else m.start(2), m.end(2), 0.7,
                       "capitalised name after in/near/from")
    else:
        for m in LOWER_LANDMARK_RE.finditer(text):
            words = m.group(1).split()
            while words and lex.common_level(words[0]) <= 35:
                words.pop(0)
            if not words or any(w in NOT_NAMES for w in words):
                continue
            start = m.end(1) - len(" ".join(words))
            yield make(text, "PLACE", start, m.end(), 0.75, "named landmark (no capitals)")
        for m in re.finditer(r"\b([A-Za-z]+(?:\s+[A-Za-z]+)?)\s+(county|parish|township)\b", text, re.IGNORECASE):
            name = m.group(1).split()[-1] if lex.place_kind(m.group(1)) is None else m.group(1)
            if lex.place_kind(name) == "county" or lex.place_kind(name):
                yield make(text, "PLACE", m.end(1) - len(name), m.end(), 0.93, "known county")


def _gazetteer(info: TextInfo) -> Iterator[Finding]:
    """Known US city names; auto tier after "in/to/from/near", review tier elsewhere."""
    text, lex = info.text, lexicon()
    for m in re.finditer(r"[A-Za-z][A-Za-z'-]*", text):
        word = m.group()
        candidates = lex.place_first.get(word.lower())
        if not candidates or info.mixed and not info.capitalized(word):
            continue
        best = None
        for name in candidates:
            if text[m.start():m.start() + len(name)].lower() == name and \
                    not text[m.start() + len(name):m.start() + len(name) + 1].isalnum():
                if best is None or len(name) > len(best):
                    best = name
        if best is None or lex.places[best] not in ("city",):
            continue
        end = m.start() + len(best)
        if info.mixed and not all(info.capitalized(w) for w in text[m.start():end].split()):
            continue
        before = text[max(0, m.start() - 12):m.start()].lower()
        cue = re.search(r"\b(?:in|to|from|near|outside|of|through|into|around|towards?|at)\s+$", before)
        multi = " " in best
        single_name = not multi and lex.name_score(best) >= 0.85 and lex.is_given(best, 2000)
        common = not multi and lex.common_level(best) <= (35 if cue else 50)
        if not info.mixed and not cue:
            continue
        if common or single_name and not cue:
            continue
        yield make(text, "PLACE", m.start(), end, 0.92 if cue or multi else 0.75, "known US city")

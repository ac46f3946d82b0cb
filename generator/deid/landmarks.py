"""PLACE: named landmarks — hospitals, schools, parks, venues, lakes ("Miami Valley Hospital", "Lake Travis",
"eastwood lake") — found from a landmark word and the proper words next to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .text import TextInfo, anchored, matches, prefixes

# Landmark words, in any case after a proper name ("the Wegerzyn Gardens pavilion", "Snelling Avenue station") ...
_ANY_CASE_SUFFIX = (
    r"(?i:Park|MetroPark|Mall|High\s+School|Middle\s+School|"
    r"Elementary(?:\s+School)?|Academy|University|College|Hospital|Medical\s+Center|Church|Cathedral|Temple|Mosque|"
    r"Synagogue|Bridge|Lake|River|Creek|Stadium|Arena|Airport|Plaza|Apartments|Apts|Estates|Manor|Towers|"
    r"Cemetery|Library|Motel|Hotel|Inn|Tavern|Lounge|Casino|Marina|Campground|Reservoir|Dam|Tunnel|Clinic|Health|"
    r"Shopping\s+Center|Center|Centre|Complex|Commons|Gardens|Woods|Forest|Canyon|Beach|Island|Bay|Trail|Tower|"
    r"Fair|Pavilion|Mound|Campus|AFB|Air\s+Force\s+Base|Fairgrounds|Zoo|Museum|Theater|Theatre|Expo|Station|"
    r"Transportation\s+Center|Transit\s+Center)")
# ... and words that are ordinary nouns in lowercase ("landing", "hall", "peak"), part of a name only capitalised.
_CAPITAL_SUFFIX = (r"Healthcare|Health\s+System|Hospice|High(?![ \t]+[A-Z])|Hall|Statue|Birthplace|Archway|Monument|"
                   r"Pond|Isle|Peak|Mountains|Dunes|Courthouse|Downs|Landing|"
                   r"Pier|Wharf|Refuge|Raceway|Coliseum|Auditorium|Ballpark|Lodge|Resort|Tech")
LANDMARK_RE = re.compile(
    rf"\b((?:St\.\s+)?(?:[A-Z][A-Za-z'\u2019.-]+\s+){{1,4}})({_ANY_CASE_SUFFIX}|{_CAPITAL_SUFFIX})\b")
LOWER_LANDMARK_RE = re.compile(
    r"\b([a-z]{3,}(?:\s+[a-z]{3,})?)\s+(high\s+school|middle\s+school|elementary|hospital|lake|park|mall|bridge|"
    r"church|cemetery|campus|pavilion|stadium|arena|airport|reservoir|metropark|fairgrounds|river|creek|apartments|"
    r"college|university|statue|museum|library|casino|marina|campground)\b")
_LOWER_LANDMARK_KEYS = prefixes(*"""high middle elementary hospital lake park mall bridge church cemetery campus
pavilion stadium arena airport reservoir metropark fairgrounds river creek apartments college university statue
museum library casino marina campground""".split())
_NAME_LEADS = frozenset("great little big upper lower north south east west old new grand".split())
_UPPER_SUFFIXES = ("PARK|LAKE|COLLEGE|UNIVERSITY|HOSPITAL|MEDICAL CENTER|HIGH SCHOOL|MIDDLE SCHOOL|ELEMENTARY|MALL|"
                   "STADIUM|ARENA|CHURCH|CEMETERY|MOTEL|CASINO|APARTMENTS|APTS|COURTHOUSE|LIBRARY|MUSEUM|"
                   "ZOO|CAMPGROUND|RESERVOIR|BRIDGE|RIVER|CREEK|PLAZA|CLINIC|TRAILHEAD|MARINA|MOUNTAIN")
_UPPER_SUFFIX_RE = _UPPER_SUFFIXES.replace(" ", r"[ \t]+")
# "HUALAPAI MOUNTAIN PARK": several landmark words in a row are one suffix.
_UPPER_SUFFIX_GATE = re.compile(f"(?:{_UPPER_SUFFIX_RE})")
UPPER_LANDMARK_RE = re.compile(rf"((?:[A-Z][A-Z'.-]+[ \t]+){{1,5}})"
                               rf"((?:{_UPPER_SUFFIX_RE})(?:[ \t]+(?:{_UPPER_SUFFIX_RE}))*)\b")
_UPPER_LANDMARK_KEYS = prefixes(*_UPPER_SUFFIXES.lower().replace(" ", "|").split("|"))
# Words that end the name on its left, and the place words before it that make a lake or park a named one.
_UPPER_STOP = frozenset("""at the to of near in on from toward towards into by for a an and with off past behind
across around over under through was were is are transported taken went ran drove parked lot area be been his her
their my our its this that these those your""".split())
_UPPER_CUES = frozenset("at to near in on from toward towards into past behind across around".split())
_GENERIC_OK = frozenset("park lake river creek mountain".split())
# "Lake Travis", "Mount Hood", "Camp Pendleton": the landmark word comes first.
LEADING_LANDMARK_RE = re.compile(r"\b(Lake|Mount|Mt\.?|Camp)\s+([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)\b"
                                 r"(?!\s+(?:St|Ave|Rd|Dr|Blvd|Ln|Ct|Way|Pkwy|Hwy|Street|Avenue|Road|Drive|Lane)\b)")
_LEADING_KEYS = prefixes("lake", "mount", "mt", "camp")
_FACILITY_WORDS = frozenset("""dispatch training command operations communications visitor visitors information support
service services control incident coordination community recreation health medical detention juvenile correctional
justice maintenance fire police county city state national regional public senior youth day convention conference
business industrial office government civic municipal federal emergency trauma science research gas train bus
subway metro fire ranger weigh pump power police substation town city ground air coast guard customs border weather
radar relay base tv radio flight""".split())
_GENERIC_LANDMARK_WORDS = frozenset("""the a an our my his her their this that police fire county city state national
community local public elementary high middle school junior senior regional memorial general medical main
shopping trauma emergency children's the before after during since until upon into onto over under about above below
between through across along around behind beyond near off per via with without within against toward towards
assistant additional arrival departure approach alternate""".split())
_LANDMARK_KEYS = prefixes(*"""clinic health park metropark mall high middle elementary academy university college
hospital medical church cathedral temple mosque synagogue bridge lake river creek stadium arena airport plaza
apartments apts estates manor towers cemetery library motel hotel inn tavern lounge casino marina campground
reservoir dam tunnel shopping center centre complex commons gardens woods forest canyon beach island bay trail tower
fair pavilion mound campus afb air fairgrounds zoo museum theater theatre expo hall station statue birthplace archway
monument pond isle peak mountain mountains dunes courthouse downs landing pier wharf refuge raceway coliseum auditorium
ballpark lodge resort tech transportation transit healthcare hospice high""".split())


_LANDMARK_SUFFIX_RE = re.compile(rf"(?:{_ANY_CASE_SUFFIX}|{_CAPITAL_SUFFIX})\b")
_ABBREVIATION_RE = re.compile(r"(?:^|\s)(?:St|Mt|Ft|Jr|Sr|Dr|[A-Z])\.$")
_PROPER_RE = re.compile(r"(?:(?:St\.\s+)?[A-Z][A-Za-z'\u2019.-]+|\d{1,3}(?:st|nd|rd|th))\s+$")  # "69th Street ..."


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
    for key_start in info.positions(_LANDMARK_KEYS):
        suffix = _LANDMARK_SUFFIX_RE.match(text, key_start)
        if not suffix:
            continue
        start, count = key_start, 0
        while count < 4:
            m = _PROPER_RE.search(text, max(0, start - 40), start)
            if not m or "\n" in m.group() or m.group().rstrip().endswith(".") and \
                    not _ABBREVIATION_RE.search(m.group().rstrip()):
                break  # "... Checklist. The Tower": a period ends the sentence the name would be in
            start, count = m.start(), count + 1
        if count and not text[max(0, start - 2):start].startswith("]"):
            # (after a redaction marker the name began in the redacted text: "[REDACTED-ADDRESS] Transportation
            # Center" is what is left of "69th Street Transportation Center", not a new landmark)
            yield _Landmark(text, start, key_start, suffix.end())


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield landmark PLACE findings in *info*."""
    yield from _mixed(info) if info.mixed else _upper(info) if info.style == "upper" else _lower(info)


def _upper(info: TextInfo) -> Iterator[Finding]:
    """Landmarks in CAD capitals ("HUALAPAI MOUNTAIN PARK", "KINGMAN REGIONAL MEDICAL CENTER"): the name is the run
    of words back to a function word, and needs a word that is not English or a known place (ASRS capitals name
    airport centers and towers, which are not on the landmark list here)."""
    text, lex = info.text, lexicon()
    for m in anchored(info, UPPER_LANDMARK_RE, _UPPER_LANDMARK_KEYS, gate=_UPPER_SUFFIX_GATE):
        words = m.group(1).split()
        kept: list[str] = []
        for word in reversed(words):
            if word.lower() in _UPPER_STOP or word.lower() in NOT_NAMES and word.lower() not in _GENERIC_OK or \
                    word.endswith("'S") or word[0].isdigit():
                break
            kept.insert(0, word)
        names = [w for w in kept if w.lower() not in _GENERIC_LANDMARK_WORDS and w.lower() not in _FACILITY_WORDS]
        if not names:
            continue
        cued = len(kept) < len(words) and words[-len(kept) - 1].lower() in _UPPER_CUES
        if not any(lex.common_level(w.lower()) > 35 or lex.place_kind(w) for w in names) and not (
                cued and m.group(2) in ("LAKE", "RIVER", "CREEK", "PARK", "MOUNTAIN")):
            continue  # "THE COUNTY PARK", "A BIG LAKE": no name in it
        start = m.end(1) - len(" ".join(kept)) - 1
        town = any(lex.place_kind(w) in ("city", "county") and lex.common_level(w.lower()) > 35 for w in names)
        if text[start:m.end(1) - 1] == " ".join(kept):
            yield make(text, "PLACE", start, m.end(), 0.9 if town else 0.75, "named landmark (capitals)")


def _mixed(info: TextInfo) -> Iterator[Finding]:
    text, lex = info.text, lexicon()
    for m in _landmarks(info):
        words = m.group(1).split()
        # Capitalised common words are part of a name mid-sentence ("Boot Hill Museum", "White Library"), but not a
        # sentence opener ("When Miami Valley Hospital ...").
        while words and (words[0].lower() in _GENERIC_LANDMARK_WORDS or lex.common_level(words[0].lower()) <= 10 and
                         info.sentence_start(m.end(1) - len(" ".join(words)) - 1)):
            words.pop(0)
        if not words:
            continue
        start = m.end(1) - len(" ".join(words)) - 1
        if m.group(2).islower() and LANDMARK_RE.fullmatch(" ".join(words)):
            # "Wegerzyn Gardens pavilion": the landmark is "Wegerzyn Gardens"; the lowercase word describes it.
            start = m.end(1) - len(" ".join(words)) - 1
            yield make(text, "PLACE", start, m.end(1), 0.92, "named landmark")
            continue
        if m.group(2) == "station" and len([w for w in words if w[0].isalpha()]) < 2:
            continue  # "Five Points station" names a stop; "TV station" does not, "the Kettering station" is a town's
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
        # Common words before the name are context ("the", "old"), except a lead word of a name ("great miami").
        while words and lex.common_level(words[0]) <= 35 and not (
                words[0] in _NAME_LEADS and len(words) > 1 and lex.common_level(words[1]) > 50):
            words.pop(0)
        if not words or any(w in NOT_NAMES for w in words):
            continue
        start = m.end(1) - len(" ".join(words))
        # A word in no English list, or a known place, makes it a name ("cass lake"), not a description.
        named = any(lex.common_level(w) > 50 or lex.place_kind(w) for w in words)
        yield make(text, "PLACE", start, m.end(), 0.85 if named else 0.75, "named landmark (no capitals)")

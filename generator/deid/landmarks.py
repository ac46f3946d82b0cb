"""PLACE: named landmarks in mixed-case text — hospitals, schools, parks, venues, lakes, stadiums and named parts of
a city ("Miami Valley Hospital", "Bank of America Stadium", "Lake Travis", "the Strip District") — found from a
landmark word and the capitalised words before it. ``landmarks_plain.py`` reads the same in capitals and lowercase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .names import AMBIGUOUS_TITLES, TITLE_RE
from .text import TextInfo, matches, prefixes

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
                   r"Pier|Wharf|Refuge|Raceway|Coliseum|Auditorium|Ballpark|Lodge|Resort|Tech|"
                   # Venues and named parts of a city; a capitalised word after them continues another name
                   # ("Field Training Officer", "Market Street"), so they end the phrase.
                   r"(?:Field|Market|Quarter|District|Ward|Mills|Harbor|Aquarium|Palace)(?![ \t]+[A-Z])")
LANDMARK_RE = re.compile(
    rf"\b((?:St\.\s+)?(?:[A-Z][A-Za-z'\u2019.-]+\s+){{1,4}})({_ANY_CASE_SUFFIX}|{_CAPITAL_SUFFIX})\b")
# "Lake Travis", "Mount Hood", "Camp Pendleton": the landmark word comes first.
LEADING_LANDMARK_RE = re.compile(r"\b(Lake|Mount|Mt\.?|Camp)\s+([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)\b"
                                 r"(?!\s+(?:St|Ave|Rd|Dr|Blvd|Ln|Ct|Way|Pkwy|Hwy|Street|Avenue|Road|Drive|Lane)\b)")
_LEADING_KEYS = prefixes("lake", "mount", "mt", "camp")
FACILITY_WORDS = frozenset("""dispatch training command operations communications visitor visitors information support
service services control incident coordination community recreation health medical detention juvenile correctional
justice maintenance fire police county city state national regional public senior youth day convention conference
business industrial office government civic municipal federal emergency trauma science research gas train bus
subway metro fire ranger weigh pump power police substation town city ground air coast guard customs border weather
radar relay base tv radio flight""".split())
GENERIC_LANDMARK_WORDS = frozenset("""the a an our my his her their this that police fire county city state national
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
ballpark lodge resort tech transportation transit healthcare hospice high field market quarter district ward mills
harbor aquarium palace""".split())


LANDMARK_SUFFIX_RE = re.compile(rf"(?:{_ANY_CASE_SUFFIX}|{_CAPITAL_SUFFIX})\b")
_ABBREVIATION_RE = re.compile(r"(?:^|\s)(?:St|Mt|Ft|Jr|Sr|Dr|[A-Z])\.$")
_PROPER_RE = re.compile(r"(?:(?:St\.\s+)?[A-Z][A-Za-z'\u2019.-]+|\d{1,3}(?:st|nd|rd|th))\s+$")  # "69th Street ..."
# Two words at once where "of" links capitalised ones ("Bank of America Stadium", "University of Rochester
# Hospital") or a number stands before a venue word ("Golden 1 Center").
_OF_RE = re.compile(r"([A-Z][A-Za-z'\u2019.-]+)\s+of(?:\s+the)?\s+$")
_NUMBER_RE = re.compile(r"[A-Z][A-Za-z'\u2019.-]+\s+\d{1,3}\s+$")
_COMPASS_RE = re.compile(r"north|south|east|west")
_NUMBERED_VENUES = frozenset("center centre arena stadium field park plaza amphitheater amphitheatre".split())
# Heads of "X of Y" names; any other word before "of" must be a name itself ("Manager of the Airport" is not one).
_OF_HEADS = frozenset("""university bank church college institute museum academy cathedral basilica lady temple shrine
sisters school hall house palace""".split())
# "Don't park", "We'll": a contraction is a sentence's verb, never part of a name.
_CONTRACTION_RE = re.compile(r"['\u2019](?:t|re|ll|ve|d|m)\s*$", re.IGNORECASE)
# Capitalised adjectives that open a landmark's name when another name word follows ("State Farm Stadium",
# "Memorial Hermann Hospital") but alone only describe it ("the County Park", "Regional Medical Center").
_ADJECTIVE_LEADS = frozenset("""police fire county city state national community local public regional memorial general
medical main emergency""".split())
# "School District", "Fire District": districts that are public bodies, not parts of a town.
_NOT_PLACE_DISTRICTS = frozenset("""school fire police water sewer judicial congressional court courts irrigation
utility sanitation ranger conservation drainage improvement special hospital transit taxing legislative senate
assembly house park library unified independent consolidated attendance business protection""".split())
_SURNAME_SUFFIXES = frozenset("field mills ward harbor market".split())
_ORDINAL_WORDS = frozenset("""first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
thirteenth fourteenth fifteenth sixteenth seventeenth""".split())


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
        suffix = LANDMARK_SUFFIX_RE.match(text, key_start)
        if not suffix:
            continue
        start, count = key_start, 0
        while count < 4:
            m = _PROPER_RE.search(text, max(0, start - 40), start)
            if not m:
                m = _linked(text, start, count, suffix.group())
            if not m or "\n" in m.group() or m.group().rstrip().endswith(".") and \
                    not _ABBREVIATION_RE.search(m.group().rstrip()) or _CONTRACTION_RE.search(m.group()):
                break  # "... Checklist. The Tower": a period ends the sentence the name would be in
            start, count = m.start(), count + 1
        if count and not text[max(0, start - 2):start].startswith("]"):
            # (after a redaction marker the name began in the redacted text: "[REDACTED-ADDRESS] Transportation
            # Center" is what is left of "69th Street Transportation Center", not a new landmark)
            yield _Landmark(text, start, key_start, suffix.end())


def _linked(text: str, start: int, count: int, suffix: str) -> re.Match[str] | None:
    """The two words before *start* when "of" or a number links them into a landmark's name (see _OF_RE)."""
    if count:
        m = _OF_RE.search(text, max(0, start - 40), start)
        head = m.group(1).lower() if m else ""
        if m and (head in _OF_HEADS or lexicon().common_level(head) > 35 and head not in NOT_NAMES and
                  not _COMPASS_RE.search(head)):  # ("South-southwest of the Fargo airport" is a bearing)
            return m
        return None
    return _NUMBER_RE.search(text, max(0, start - 40), start) if suffix.lower() in _NUMBERED_VENUES else None


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield landmark PLACE findings in mixed-case *info* (``landmarks_plain.py`` reads capitals and lowercase)."""
    yield from _mixed(info) if info.mixed else ()




def _mixed(info: TextInfo) -> Iterator[Finding]:
    text, lex = info.text, lexicon()
    for m in _landmarks(info):
        words = m.group(1).split()
        # Capitalised common words are part of a name mid-sentence ("Boot Hill Museum", "White Library"), but not a
        # sentence opener ("When Miami Valley Hospital ...").
        while words and (words[0].lower() in GENERIC_LANDMARK_WORDS or lex.common_level(words[0].lower()) <= 10 and
                         info.sentence_start(m.end(1) - len(" ".join(words)) - 1)):
            if words[0].lower() in _ADJECTIVE_LEADS and len(words) > 1 and words[1].lower() not in \
                    GENERIC_LANDMARK_WORDS and not info.sentence_start(m.end(1) - len(" ".join(words)) - 1):
                break
            words.pop(0)
        while words and words[0] in ("of", "the"):
            words.pop(0)  # what is left of "Bank of America" after a generic lead was dropped
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
        suffix = m.group(2).split()[0].lower()
        if suffix == "district" and (words[-1].lower() in _NOT_PLACE_DISTRICTS or words[-1][0].isdigit()):
            continue  # "School District", "Fire District": a public body; "9th District": a police district
        title = TITLE_RE.fullmatch(words[-1].rstrip("."))
        if title and (title.group(1).lower() not in AMBIGUOUS_TITLES or suffix in _SURNAME_SUFFIXES) or \
                len(words) == 1 and suffix in _SURNAME_SUFFIXES and lex.is_given(words[0].lower(), 2000):
            continue  # "Sgt. Mills", "Sally Field": a person whose surname is a landmark word
        ordinal = any(w.lower() in _ORDINAL_WORDS for w in words)
        if suffix == "quarter" and ordinal or suffix == "ward" and not ordinal:
            continue  # "the Third Quarter" of a game; "Psych Ward" in a hospital (but "Lower Ninth Ward")
        distinctive = any(lex.common_level(w.lower().strip(".")) > 35 for w in words)
        if m.group(2).lower() == "health" and not distinctive:
            continue  # "Mental Health", "Public Health": a field, not a hospital system
        if all(w.lower().strip(".") in FACILITY_WORDS for w in words):
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

"""PLACE: named landmarks without capitals to go by: CAD capitals ("HUALAPAI MOUNTAIN PARK", "KINGMAN REGIONAL
MEDICAL CENTER") and lowercase writing ("eastwood lake", "oak park mall", "tropicana field").

Capital letters say nothing here, so the name must contain a word that is not common English or is a known place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .landmarks import FACILITY_WORDS, GENERIC_LANDMARK_WORDS
from .lexicon import NOT_NAMES, lexicon
from .text import TextInfo, anchored, prefixes

LOWER_LANDMARK_RE = re.compile(
    r"\b([a-z]{3,}(?:\s+[a-z]{3,})?)\s+(high\s+school|middle\s+school|elementary|hospital|lake|park|mall|bridge|"
    r"church|cemetery|campus|pavilion|stadium|arena|airport|reservoir|metropark|fairgrounds|river|creek|apartments|"
    r"college|university|statue|museum|library|casino|marina|campground|plaza|field|mills|zoo|aquarium|"
    r"coliseum|amphitheater)\b")
_LOWER_LANDMARK_KEYS = prefixes(*"""high middle elementary hospital lake park mall bridge church cemetery campus
pavilion stadium arena airport reservoir metropark fairgrounds river creek apartments college university statue
museum library casino marina campground plaza field mills zoo aquarium coliseum
amphitheater""".split())
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


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield landmark PLACE findings in ALL CAPS or lowercase *info*."""
    if info.style == "upper":
        yield from _upper(info)
    elif not info.mixed:
        yield from _lower(info)


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
        names = [w for w in kept if w.lower() not in GENERIC_LANDMARK_WORDS and w.lower() not in FACILITY_WORDS]
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

def _lower(info: TextInfo) -> Iterator[Finding]:
    text, lex = info.text, lexicon()
    for m in anchored(info, LOWER_LANDMARK_RE, _LOWER_LANDMARK_KEYS):
        words = m.group(1).split()
        # Common words before the name are context ("the", "old"), except a lead word of a name ("great miami").
        while words and lex.common_level(words[0]) <= 35 and not (
                words[0] in _NAME_LEADS and len(words) > 1 and lex.common_level(words[1]) > 50) and \
                lex.place_kind(" ".join(words)) not in ("city", "county"):
            words.pop(0)  # (but a town's name stays whole: "oak park mall", "concord mills")
        town = bool(words) and lex.place_kind(" ".join(words)) in ("city", "county")
        if not words or not town and any(w in NOT_NAMES for w in words):
            continue
        start = m.end(1) - len(" ".join(words))
        # A word in no English list, or a known place, makes it a name ("cass lake"), not a description.
        named = any(lex.common_level(w) > 50 or lex.place_kind(w) for w in words)
        yield make(text, "PLACE", start, m.end(), 0.85 if named else 0.75, "named landmark (no capitals)")


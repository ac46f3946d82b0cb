"""PLACE: towns in no shipped list, in text without capitals to go by, read where the writing puts a town: in CAD
capitals after "IN" closing a phrase or after a street and a comma ("FROM A BAR IN DELAFIELD.", "ON GREENBACK LN,
ORANGEVALE, FOR 2 HRS"), and in lowercase writing after "in"/"near" ("a call in bricktown,", "in squirrel hill").

The name must be in no English or name list and keep its vowels (ASRS capitals say "IN CRUISE.", "IN TRAIL.",
"XMITTED"), so these findings are review tier unless a street layout vouches for them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import towns
from .finding import Finding, make
from .lexicon import NOT_NAMES, TOWN_WORDS, lexicon
from .text import TextInfo, matches, prefixes

UPPER_IN_TOWN_RE = re.compile(r"\b(?:IN|NEAR|OUTSIDE)[ \t]+([A-Z]{5,}(?:[ \t]+[A-Z]{4,})?)(?=[ \t]*[.,;]|[ \t]*$)")
UPPER_STREET_TOWN_RE = re.compile(r"\b(?:ST|AVE|RD|BLVD|DR|LN|WAY|PKWY|HWY|CT|CIR|PL|TRL)\.?,[ \t]+"
                                  r"([A-Z]{4,}(?:[ \t]+[A-Z]{4,})?)(?=[ \t]*[.,;])")
LOWER_IN_TOWN_RE = re.compile(r"\b(?:in|near|outside|around)[ \t]+([a-z]{5,}(?:[ \t]+[a-z]{3,})?)(?=[ \t]*[,.;:]|"
                              r"[ \t]+(?:when|where|and|on|at|after|before|last|that|this|with|around|about)\b|"
                              r"[ \t]*$)")
_IN_KEYS = prefixes("in", "near", "outside", "around")
_STREET_KEYS = prefixes("st", "ave", "rd", "blvd", "dr", "ln", "way", "pkwy", "hwy", "ct", "cir", "pl", "trl")
_VOWEL_RE = re.compile("[aeiouy]")


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield PLACE findings for unknown towns in ALL CAPS or lowercase *info*."""
    if info.style == "upper":
        for pattern, keys, confidence in ((UPPER_IN_TOWN_RE, _IN_KEYS, 0.75), (UPPER_STREET_TOWN_RE, _STREET_KEYS,
                                                                                 0.8)):
            for m in matches(info, pattern, keys):
                if _unknown_name(info, m.group(1).lower().split(), m.start(1)):
                    yield make(info.text, "PLACE", *m.span(1), confidence, "unknown town in a record")
    elif not info.mixed:
        for m in matches(info, LOWER_IN_TOWN_RE, _IN_KEYS):
            words = m.group(1).split()
            # "in squirrel hill": a town word after a name; "in bricktown": one word in no list.
            shaped = len(words) == 2 and words[1] in TOWN_WORDS and words[0] not in NOT_NAMES and \
                lexicon().common_level(words[0]) > 10
            if shaped or len(words) == 1 and len(words[0]) >= 6 and _unknown_name(info, words, m.start(1)):
                yield make(info.text, "PLACE", *m.span(1), 0.75, "unknown town after in/near")


def _unknown_name(info: TextInfo, words: list[str], start: int) -> bool:
    """True when lowercase *words* are in no English or name list, keep their vowels, and name no state, country
    or language ("IN ARABIC")."""
    lex = lexicon()
    name = " ".join(words)
    # ASRS abbreviations drop vowels ("XMITTED", "CHKLIST", "CLBOUT"); town names keep theirs ("bricktown" fewer).
    vowels = 0.35 if info.style == "upper" else 0.2
    return not any(lex.common_level(w) <= 50 or w in NOT_NAMES or lex.is_given(w, 1000) or
                   len(_VOWEL_RE.findall(w)) < vowels * len(w) or lex.is_surname(w, 20_000) and not lex.place_kind(w)
                   for w in words) and lex.place_kind(name) != "state" and not towns.foreign(name) and \
        not towns.spoken_language(info.text, start)

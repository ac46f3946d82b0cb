"""Street names: a name ending in a street suffix ("Salem Ave", "N. Main St", "old spanish trail"), parsed
from the suffix backwards, and a looser reading of a street name after a word that promises one ("block of").

Shared by ``addresses.py`` (numbered addresses, named streets) and ``intersections.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .generic import VEHICLE_MAKE_RE
from .lexicon import lexicon
from .text import TextInfo, alternation_prefixes, matches

SUFFIX = (r"(?:street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|lane|ln|court|ct|place|pl|way|parkway|pkwy|"
          r"highway|hwy|circle|cir|terrace|ter|trail|trl|pike|turnpike|tpke|alley|aly|square|sq|loop|crossing|"
          r"xing|path|row|expressway|expy|freeway|fwy|bypass|plaza|pt|point|ridge|grove|hts)\b\.?")
DIRECTION = r"(?:[NSEW]\.?|north|south|east|west|northeast|northwest|southeast|southwest|NE|NW|SE|SW)"
# A street-name word: never a street suffix itself, so "Wayne Ave. Jaden" stops after "Ave.".
# Street-name words that are common English words but normal in addresses ("100 Main St", "Oak Rd").
STREET_WORDS = frozenset("""main oak elm pine maple cedar park church mill high market water lake hill spring center
union river ridge valley forest state college school bridge front walnut cherry chestnut broad grand king queen
washington lincoln jefferson madison franklin liberty poplar sycamore birch willow locust dogwood spruce hickory
meadow sunset lakeview highland ash beech first second third fourth fifth sixth seventh eighth ninth tenth eleventh
twelfth memorial""".split())


# Suffixes that make "<word> <suffix>" a street even without capitals ("ajo way", "stone ave"); the others
# ("place", "point", "row", "square") are ordinary words too often.
STRONG_SUFFIX = frozenset("street st avenue ave road rd boulevard blvd drive dr lane ln pike highway hwy parkway "
                          "pkwy court ct circle cir terrace ter trail trl turnpike tpke loop expressway expy "
                          "freeway fwy bypass".split())
# Abbreviations (and a few words) that are street suffixes and nothing else, so even a common word before them is a
# street name without capitals: "stone ave", "river rd" (but not "turn lane", "traffic court").
_LENIENT_SUFFIX = frozenset("ave avenue blvd boulevard rd st ln ct pkwy parkway hwy cir ter trl tpke pike turnpike "
                            "expy fwy".split())
# Words that end a street name on the left: "on the Pike", "a dirt road", "this way".
_LEFT_STOP = frozenset("""the a an this that these those my our his her their its your any some every no one same
next last first other dirt gravel back side wrong private main public county state city to of on in at by for from
and or but with into onto off down up via way""".split())
_SUFFIX_KEYS = alternation_prefixes(SUFFIX.replace("(?:", "").split(")")[0])
# Pronouns and auxiliaries are never part of a street name, whatever suffix follows them.
_NEVER_STREET_WORDS = frozenset("""i you we they he she it i'm you're we're they're don't didn't doesn't can't won't
couldn't wouldn't shouldn't never always just not let's""".split())
# "Highway Patrol", "Parkway Police": a suffix word that begins an agency name is no street.
_AGENCY_AFTER_SUFFIX_RE = re.compile(r"[ \t]+(?:patrol|police|troopers?)\b", re.IGNORECASE)
SUFFIX_WORD_RE = re.compile(r"\b(?:" + SUFFIX + r")(?![\w-])", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d{1,3}(?:st|nd|rd|th)|\d{1,2}(?=[ \t]+mile\b)", re.IGNORECASE)
_BEFORE_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d{1,3}(?:st|nd|rd|th)?\b", re.IGNORECASE)
_CUE_BEFORE_RE = re.compile(r"(?:^|[:;,(]|\b(?:at|on|of|to|near|onto|from|and|blk|block|loc|location|address))"
                            r"[ \t]*$", re.IGNORECASE)
_DIRECTION_BEFORE_RE = re.compile(r"\b(?:[NSEW]\.?|north|south|east|west)[ \t]+$", re.IGNORECASE)
_DIRECTION_RE = re.compile(rf"{DIRECTION}$", re.IGNORECASE)
_SPACES_RE = re.compile(r" +")
_FULL_DIRECTION_RE = re.compile(r"north|south|east|west", re.IGNORECASE)
# In CAD capitals a direction letter after the suffix belongs to the street before a cross street:
# "LAS VEGAS BLVD S AT FLAMINGO RD".
_LETTER_AFTER_RE = re.compile(r"[ \t]+(?:[NSEW]|NE|NW|SE|SW)\b(?=[ \t]+(?:AT|AND|&|/)\b|[ \t]*[.,;])")
_DIRECTION_AFTER_RE = re.compile(r"[ \t]+(?:East|West|North|South|NE|NW|SE|SW)\b(?![ \t]+[A-Z][a-z])")


def name_word_ok(info: TextInfo, word: str) -> bool:
    """True when *word* can be part of a street name here (capitalised, or not a common word without capitals)."""
    if info.mixed:
        return word[0].isupper() or word[0].isdigit()
    low = word.lower()
    return word[0].isdigit() or low in STREET_WORDS or lexicon().common_level(low) > 35


def street_before(info: TextInfo, suffix_start: int, lenient: bool = False) -> int | None:
    """Start of the street name ending right before a suffix word at *suffix_start*, or None.

    With a *lenient* suffix in text without capitals, the word next to the suffix may be a common word ("stone
    ave", "river rd"): the suffix itself is the evidence."""
    text = info.text
    window = text[max(0, suffix_start - 60):suffix_start]
    offset = suffix_start - len(window)
    start = None
    count = 0
    expected_end = len(window)
    for tok in reversed(list(_BEFORE_TOKEN_RE.finditer(window))):
        gap = window[tok.end():expected_end]
        word = tok.group()
        if word.lower().replace("\u2019", "'") in _NEVER_STREET_WORDS:
            break  # "i drive", "don't drive", "we drive": a verb after a pronoun, not a Drive
        if word.isdigit() and not (count == 0 and _DIRECTION_BEFORE_RE.search(window, 0, tok.start()) or
                                   count == 1 and window[tok.end():].strip().lower() == "mile"):
            break  # a plain number names a street only after a direction ("252 East 57 Street") or a mile ("7 Mile")
        direction = _DIRECTION_RE.match(word) and count
        if not gap or "\n" in gap or gap.strip() and not (direction and gap.strip() == "."):
            break
        if direction:
            start = offset + tok.start()
            break
        # "stone ave", "east st"; after a direction or a cue even the commonest words: "S FEDERAL BLVD", "w state st",
        # "AND DIVISION ST", "LOC: BLUE HILL AVE" (the cue closes the name on the left, so it cannot run on).
        plain = lenient and not info.mixed and word.lower() not in _LEFT_STOP and word.isalpha()
        loose = plain and count == 0 and (
            lexicon().common_level(word.lower()) > 10 or _FULL_DIRECTION_RE.fullmatch(word) or
            _DIRECTION_BEFORE_RE.search(window, max(0, tok.start() - 8), tok.start())) or \
            plain and count < 2 and _CUE_BEFORE_RE.search(window, max(0, tok.start() - 12), tok.start())
        # A weak suffix word is a name word before a real suffix: "Maple Grove Ln", "Sunset Ridge Dr".
        suffix_word = SUFFIX_WORD_RE.fullmatch(word) and word.lower().rstrip(".") in STRONG_SUFFIX
        if count == 3 or suffix_word or not (name_word_ok(info, word) or loose):
            break
        start = offset + tok.start()
        count += 1
        expected_end = tok.start()
    name = text[start:suffix_start].strip() if start is not None else ""
    # "SE EXPRESSWAY", "harm's way": an abbreviation or a possessive is not a street name ("North St" is).
    full_direction = _FULL_DIRECTION_RE.fullmatch(name) and (name[0].isupper() or lenient)
    if count == 1 and start is not None and (_DIRECTION_RE.match(name) and not full_direction or
                                             re.search(r"['\u2019]s\s*$", name)):
        return None
    return start if count else None


def loose_street_after(info: TextInfo, pos: int, certain: bool = False) -> int | None:
    """End of a street name (1-3 name words, optional suffix) starting at *pos*, or None.

    Used only where a street is already expected (after "and" following a street, after "block of"), so without
    capitals any word other than a function word may be a street name ("state route 29 and mason rd"); when
    *certain* (after "block of" or "intersection of") a direction letter and common words are accepted too
    ("1900 block of n stone ave")."""
    end = None
    lenient_from = None  # where the first word accepted only because a street is certain begins
    cursor = pos
    direction = re.match(r"(?:[NSEWnsew]|north|south|east|west)\.?[ \t]+", info.text[pos:pos + 7]) if certain else None
    if direction:
        cursor = pos + direction.end()  # "1900 block of n stone ave": the direction belongs to the street
    for count in range(4):
        tok = _TOKEN_RE.match(info.text, cursor)
        if not tok:
            break
        word = tok.group()
        if SUFFIX_WORD_RE.fullmatch(word) and end is not None:
            dot = 1 if info.text[tok.end():tok.end() + 1] == "." else 0
            return tok.end() + dot
        strict = name_word_ok(info, word) or not info.mixed and lexicon().common_level(word.lower()) > 10
        # ("AND DIVISION ST": a common word right before a suffix is that street's name)
        closed = not info.mixed and SUFFIX_WORD_RE.match(info.text, tok.end() + 1) is not None
        if count == 3 or not (strict or (certain or closed) and not info.mixed) or word.lower() in _AFTER_STOP:
            break
        if not strict and lenient_from is None:
            lenient_from = tok.start()
        end = tok.end()
        nxt = _SPACES_RE.match(info.text[end:end + 3])
        if not nxt:
            break
        cursor = end + nxt.end()
    if lenient_from is not None:
        # Common words count only when a suffix closes the name ("n stone ave"), not in "corner of my sector".
        end = info.text[pos:lenient_from].rstrip() and pos + len(info.text[pos:lenient_from].rstrip()) or None
    return end


# What may stand between a business and its street: "the Price Chopper lot on", "the Pilot truck stop on".
_PREMISES = r"(?:(?:parking\s+)?lot|truck\s+stop|store|station|plaza|parking\s+garage|garage)\s+"
BUSINESS_BEFORE_RE = re.compile(rf"((?:[A-Z][\w'\u2019&-]*\s+){{1,3}})(?:{_PREMISES})?(?:on|at|off(?:\s+of)?)\s+$")
# National chains, so a business on a street is found without capitals too ("the walmart on n main st").
CHAINS = (r"walmart|wal-mart|kroger|meijer|target|costco|aldi|publix|safeway|walgreens|cvs|rite\s+aid|speedway|"
          r"circle\s+k|7-eleven|7-11|quiktrip|qt|wawa|sheetz|casey'?s|shell|bp|marathon|sunoco|valero|exxon|mobil|"
          r"chevron|citgo|dollar\s+general|family\s+dollar|dollar\s+tree|home\s+depot|lowe'?s|mcdonald'?s|wendy'?s|"
          r"burger\s+king|taco\s+bell|waffle\s+house|dairy\s+queen|denny'?s|ihop|applebee'?s|sonic|arby'?s|"
          r"subway|starbucks|dunkin'?|autozone|advance\s+auto|pilot|love'?s|flying\s+j|motel\s+6|super\s+8")
CHAIN_RE = re.compile(CHAINS, re.IGNORECASE)
CHAIN_BEFORE_RE = re.compile(rf"\b({CHAINS})\s+(?:{_PREMISES})?(?:on|at|off(?:\s+of)?)\s+$", re.IGNORECASE)


def business_before(info: TextInfo, start: int) -> int | None:
    """Start of a business named right before "on"/"at" a street at *start* ("Kroger at", "the walmart on")."""
    text = info.text
    chain = CHAIN_BEFORE_RE.search(text, max(0, start - 40), start)
    if chain and (info.mixed or chain.start(1) == 0 or not text[chain.start(1) - 1].isalnum()):
        return chain.start(1)
    business = BUSINESS_BEFORE_RE.search(text, max(0, start - 60), start) if info.mixed else None
    if business and (not info.sentence_start(business.start(1)) or len(business.group(1).split()) > 1) and \
            not VEHICLE_MAKE_RE.match(business.group(1)):
        return business.start(1)  # (not "stopped a Jeep on US-6": a vehicle on a road is no business)
    return None


_AFTER_STOP = frozenset("""and at i in on near the a an to for from with of or by when where was is my his her their
our your this that""".split())


_GENERIC_CORE_RE = re.compile(rf"^{DIRECTION}\s+|\s+{SUFFIX}$", re.IGNORECASE)


def generic_street(words: str) -> bool:
    """True for "Main Street" and the like used without a number: generic, not an address."""
    core = _GENERIC_CORE_RE.sub("", words.strip())
    if core.lower() == "state" and re.search(r"\s(?:st|street|ave|avenue|blvd)\.?$", words.strip(), re.IGNORECASE):
        return False  # "State St" is a named street in many towns; "state road" is generic
    return core.lower() in {"main", "the", "a", "this", "that", "our", "my", "one", "same", "next", "dirt", "side",
                            "back", "gravel", "private", "frontage", "service", "access", "county", "state",
                            "interstate", "city", "two", "four", "wrong", "open", "long", "cross", "public",
                            "residential"}


def streets(info: TextInfo) -> Iterator[tuple[int, int, bool]]:
    """Yield (start, end, strong) for every "<name words> <suffix>" street; weak suffixes ("place", "point")
    count without capitals only after a house number."""
    text = info.text
    for m in matches(info, SUFFIX_WORD_RE, _SUFFIX_KEYS):
        word = m.group().rstrip(".")
        if info.mixed and not word[0].isupper() or text[m.end():m.end() + 1] == "#" or \
                _AGENCY_AFTER_SUFFIX_RE.match(text, m.end()):
            continue  # "Report RD# 23-118822": a cue word, not a road; "TX DPS HIGHWAY PATROL": an agency
        start = street_before(info, m.start(), word.lower() in _LENIENT_SUFFIX)
        if start is not None:
            # "Lincoln Way East": a direction after the suffix belongs to the street name.
            after = (_DIRECTION_AFTER_RE if info.mixed else _LETTER_AFTER_RE).match(text, m.end())
            yield start, after.end() if after else m.end(), info.mixed or word.lower() in STRONG_SUFFIX

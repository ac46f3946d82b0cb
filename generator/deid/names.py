"""Name parsing shared by the PERSON detectors: rank/title and role words, and reading the name words after them.

A name word is scored from the shipped name lists (SSA given names, Census surnames) and, in mixed-case text,
capitalisation; surname particles ("Van Der Berg", "De La Cruz") join the words around them.
"""

from __future__ import annotations

import re

from .lexicon import NOT_NAMES, Lexicon
from .text import LETTER, LOWER_LETTER, TextInfo, alternation_prefixes, prefixes

_TITLES = (
    r"officers?|ofcs?|off|police\s+officer|patrol\s*(?:man|woman|officer)|deputy|deputies|dep|dty|sergeants?|"
    r"sgts?|lieutenants?|lts?|lieut|captains?|capt|cpt|corporals?|cpls?|detectives?|dets?|investigators?|inv|"
    r"troopers?|tprs?|special\s+agent|agents?|inspectors?|insp|chief|asst\.?\s+chief|sheriff|undersheriff|"
    r"marshals?|commanders?|cmdr|cdr|major|maj|colonel|col|lt\.?\s*col|constable|dispatchers?|telecommunicator|"
    r"mr|mrs|ms|miss|mx|dr|judge|magistrate|prosecutor|attorney|atty|nurse|paramedic|medic|firefighter|ff|pastor|"
    r"father|fr|reverend|rev|coach|principal|ranger|warden|chaplain|specialist|spc|pvt|private|professor|prof|"
    r"senator|mayor|commissioner|director|superintendent|supt|sgt\.?\s*maj|fto|cadet|recruit|rookie|po[1-3]|p/o|po"
)
# Title words that are also ordinary words or ranks-as-nouns, so they count only when capitalised in mixed text.
AMBIGUOUS_TITLES = frozenset("miss father brother sister private major judge coach principal director agent chief "
                              "ranger warden specialist nurse medic pastor professor prof mayor col off fr dr".split())
_ROLES = (
    r"partner|suspect|victim|driver|passenger|subject|witness|complainant|caller|neighbor|neighbour|"
    r"boyfriend|girlfriend|fiance|wife|husband|son|daughter|brother|sister|mother|father|cousin|friend|"
    r"trainee|coworker|co-worker|backup|named|name\s+(?:is|was)|identified\s+as|known\s+as|aka|"
    r"by\s+the\s+name\s+of|juvenile|male|female|man|woman|teen|teenager|kid|guy|lady|gentleman|"
    r"stepfather|stepmother|stepson|stepdaughter|grandson|granddaughter|grandmother|grandfather|uncle|aunt|nephew|"
    r"niece|roommate|ex-wife|ex-husband|landlord|tenant|homeowner|resident|manager|clerk|cashier|employee|owner|"
    r"shooter|offender|arrestee|inmate|patient|sergeant|sarge|supervisor|boss|fto|dispatcher|reporting\s+party|rp|"
    r"rider|bouncer|bartender|attendant|motorist|pedestrian|hiker|camper|occupant|customer|student|bystander|"
    r"homeowner|renter|informant|probationer|parolee|called\s+(?:him|her)|goes\s+by|went\s+by|nicknamed|"
    r"oper|operator|(?:called|calls|calling)\s+(?:himself|herself|themselves)"
)
# Lowercase or capitalised particles inside a surname: "Van Der Berg", "De La Cruz", "bin Laden".
PARTICLES = frozenset("van von der den de del della la le da di du dos das bin ibn al el ter ten".split())
_PARTICLE = (r"(?:[Vv]an|[Vv]on|[Dd]er|[Dd]en|[Dd]e|[Dd]el|[Dd]ella|[Ll]a|[Ll]e|[Dd]a|[Dd]i|[Dd]u|[Dd]os|[Dd]as|"
             r"bin|ibn|[Aa]l|[Ee]l|[Tt]er|[Tt]en)")
_PARTICLE_TAIL_RE = re.compile(rf"(?:[ \t]+{_PARTICLE}){{1,3}}[ \t]+([A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?)")
TITLE_RE = re.compile(rf"\b({_TITLES})(?:\.|\b)(?:[ \t]+(?:first|1st)[ \t]+class\b)?(?!['\u2019]s)", re.IGNORECASE)
# Words that make a longer rank out of the title after them: "Senior Deputy", "Master Trooper", "Chief Deputy".
TITLE_LEAD_RE = re.compile(r"\b(?:(?:senior|master|chief|reserve|acting|assistant|staff|lead|auxiliary|probationary|"
                           r"corrections|detention|patrol|police|special|field\s+training|sr\.?|asst\.?)[ \t]+)+$",
                           re.IGNORECASE)
# A rank right before a later bare mention belongs to it: "DEP AMSTUTZ", "TPR WHEELER'S CRUISER".
TITLE_BEFORE_RE = re.compile(rf"\b(?:{_TITLES})\.?[ \t]+$", re.IGNORECASE)
# Abbreviated titles take a period ("Ofc."); after a full word ("Duty officer. Tule River") a period ends the sentence.
ABBREVIATED = frozenset("ofc ofcs off dep dty sgt sgts lt lts lieut capt cpt cpl cpls det dets inv tpr tprs insp "
                         "cmdr cdr maj col mr mrs ms mx dr atty fr rev spc pvt prof supt asst".split())
# Place names made of a given name and another word: "San Carlos", "Santa Maria", "Fort Wayne".
PLACE_LEADS = frozenset("san santa los las el la fort ft mount mt port saint st new north south east west lake glen "
                         "little big upper lower grand monte del de".split())
TITLE_KEYS = alternation_prefixes(_TITLES) | prefixes("patrolman", "patrolwoman", "po1", "po2", "po3")
ROLE_KEYS = alternation_prefixes(_ROLES)
ROLE_RE = re.compile(rf"\b({_ROLES})\b(?:\s*[,:]|\s+(?:was|is)\b)?", re.IGNORECASE)
NAME_TOKEN_RE = re.compile(rf"\s*({LETTER}(?:(?:{LETTER}|['\u2019-])*{LETTER})?)(\.?)")
# (The lookbehind follows the initial, "(?<![\w.][A-Z])", so the regex engine can skip straight to capitals.)
INITIAL_RE = re.compile(rf"([A-Z])(?<![\w.][A-Z])\.\s?(?:[A-Z]\.\s?)?((?:Mc|Mac|O')?[A-Z](?:{LOWER_LETTER}|['-])+)"
                        r"(?!\w)")
# A word after the last name that makes the phrase a place, street or organisation rather than a person.
NOT_PERSON_AFTER = re.compile(
    r"\s*(?:street|st\b|avenue|ave\b|road|rd\b|boulevard|blvd|drive|dr\b|lane|ln\b|court|ct\b|way|pike|highway|"
    r"hwy|circle|county|parish|township|twp|city|police|pd\b|sheriff|fire|department|dept|park|mall|school|"
    r"high|middle|elementary|university|college|hospital|medical|church|center|centre|bridge|lake|river|creek|"
    r"stadium|arena|airport|plaza|apartments|apts|station|hall|building|memorial|academy|state|national|"
    r"international|corporation|corp|inc|llc|company|co\b|bank|motors|auto|store|market|foods?|restaurant|"
    r"hotel|motel|inn|bar|grill|pizza|tavern|library|cemetery|correctional|jail|prison|courthouse|heights|"
    r"boulevard|parkway|pkwy|trail|terrace|place\b|square|troop|post\b|patrol|marshals?|fire|complex|canyon|mtn|"
    r"mountains?|peak|ridge|repeater|forests?|nf|blm|base|office|agency|reservation|tribe|tribal|lk|valley|"
    r"reservoir|helibase|district|crew|engine|hotshots|interagency|dispatch|mesa|butte|flats|springs|wash|gulch|"
    r"hollow|pass|lookout|camp|trailhead|island|beach|bay|harbor|point|airtanker|helitack|region|zone|area|"
    r"superintendent|supervisor|chief|officer|captain|manager|coordinator|leader|lead|boss|director|specialist|"
    r"technician|operator|foreman|frequency|freq|channel|repeater|team|squad|sector|shift|program|group|section|"
    r"branch|fires?|incident|complex)\b",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 3
_FUNCTION_WORDS = frozenset("""and or but nor the a an of to in on at for with from by as into onto over under he she it
we they i you his her their our my its was were is are had has have did do said says told asked then when
while""".split())
VOWEL = re.compile(r"[aeiouyAEIOUY]")


def strip_possessive(word: str) -> str:
    """*word* without a possessive "'s" ("Carter's" -> "Carter")."""
    return word[:-2] if word[-2:] in ("'s", "\u2019s") else word


def word_ok(info: TextInfo, lex: Lexicon, word: str, floor: float, cued: bool = True) -> float:
    """Score a candidate name word in context; 0 when it cannot be part of a name here."""
    bare = strip_possessive(word)
    if info.mixed and not info.capitalized(bare) or not VOWEL.search(bare):
        return 0.0
    score = lex.name_score(bare.lower())
    if not info.mixed and not lex.strong_name(bare.lower()) and not (cued and lex.cued_name(bare.lower())):
        return 0.0  # without capitals only the name lists can tell "CARTER" from "PAX" or "DIDN'T"
    return score if score >= floor else 0.0


def particle_tail(info: TextInfo, pos: int) -> int | None:
    """End of " Van Der Berg" / " de la Cruz" starting at *pos* (the end of a given or first surname word), or None."""
    if not info.mixed:
        return None  # without capitals "de", "la" and "van" are too often ordinary words
    m = _PARTICLE_TAIL_RE.match(info.text, pos)
    return m.end() if m else None


def _weak_word(info: TextInfo, lex: Lexicon, token: str, before: str, initials: int, token_end: int) -> float:
    """Score for a name word the lists call too weak alone, when the words before it make a name likely."""
    low = token.lower()
    if low in NOT_NAMES or not VOWEL.search(token) or info.mixed and not info.capitalized(token):
        return 0.0
    if before:
        if lex.is_given(low, 10_000):
            return 0.5  # a middle name that is also a word: "Roy Gene Tackett"
        given_only = all(lex.is_given(w, 2000) for w in before.lower().split())
        if info.mixed and given_only and lex.is_surname(low, 50_000):
            return 0.5  # "Ofc. Shawna Tiger": a listed surname after a given name, though also a word
        if not info.mixed and given_only and len(token) > 2 and lex.common_level(low) >= 99 and (
                info.style == "lower" or " " not in before.strip()):
            # "the guy, daniel okafor,", "lt. ann marie frericks": a word in no list is a rare surname (in CAD
            # capitals only right after one given name: "RP DONNA KING CALLBACK" ends with a CAD word)
            return 0.5
        return 0.0
    if initials and not info.mixed and len(token) > 2 and lex.common_level(low) > 35:
        return 0.6  # "DEP K. LINDQVIST": a rank and an initial make the next word a surname
    if "-" in low and all(len(p) > 2 and (lex.is_surname(p, 50_000) or lex.is_given(p, 2000)) for p in low.split("-")):
        return 0.6  # "LT. GOMEZ-HARDING": both halves of a hyphenated surname are names
    nxt = NAME_TOKEN_RE.match(info.text, token_end)
    if info.mixed and lex.is_given(low, 2000) and nxt and info.capitalized(nxt.group(1)) and \
            lex.is_surname(nxt.group(1).lower(), 50_000):
        return 0.5  # "Deputy Will Rich": a given name and a surname, both also English words
    return 0.0


def _rare_given_before_surname(info: TextInfo, lex: Lexicon, token: str, token_end: int) -> float:
    """Score for the first word after a rank in text without capitals ("ofc. renata delgado"): a word in no list
    and no dictionary is a rarer given name when a listed, unambiguous surname follows it."""
    low = token.lower()
    if len(low) < 4 or low in NOT_NAMES or low in _FUNCTION_WORDS or lex.common_level(low) < 99 or \
            not VOWEL.search(low) or not low.isalpha():
        return 0.0
    nxt = NAME_TOKEN_RE.match(info.text, token_end)
    if not nxt or "\n" in info.text[token_end:nxt.start(1)]:
        return 0.0
    surname = nxt.group(1).lower()
    if lex.is_surname(surname, 20_000) and lex.strong_name(surname) and not NOT_PERSON_AFTER.fullmatch(surname):
        return 0.5
    return 0.0


def name_after(info: TextInfo, lex: Lexicon, pos: int, floor: float,
               titled: bool = False) -> tuple[int, int, float, int] | None:
    """Parse initials and up to three name words starting at *pos*; return (start, end, score, words).

    After a rank (*titled*), a capitalised word mid-sentence continues the name even when it is an English word:
    "Ofc. Darla Calf Looking" (in mixed-case text only capitals say so)."""
    text = info.text
    start = end = None
    best = 0.0
    words = initials = 0
    cursor = pos
    while words < _MAX_NAME_WORDS:
        m = NAME_TOKEN_RE.match(text, cursor)
        if not m or "\n" in text[cursor:m.start(1)]:
            break
        token, dot = m.group(1), m.group(2)
        if info.mixed and len(token) == 2 and token.isupper() and not dot:
            break  # "Deputy IC", "EF Johnson": an acronym, not initials
        if len(token) == 1 and token.isalpha() and (dot or info.mixed and token.isupper()):
            if info.mixed and not token.isupper():
                break
            start = m.start(1) if start is None else start
            initials += 1
            cursor = m.end()
            continue
        if TITLE_RE.fullmatch(token) and start is None and words == 0:
            cursor = m.end()  # "Det. Sgt. Smith": a second rank before the name
            continue
        if words and token.lower() in PARTICLES:
            tail = particle_tail(info, m.start())
            if tail:
                end = cursor = tail
                words += 1
                continue
        score = word_ok(info, lex, token, floor if words == 0 else 0.3)
        if not score:
            score = _weak_word(info, lex, token, text[start:end] if words else "", initials, m.end(1))
        if not score and titled and words and info.mixed and info.capitalized(token) and not token.isupper() and \
                token.lower() not in NOT_NAMES and token.lower() not in _FUNCTION_WORDS and \
                not NOT_PERSON_AFTER.fullmatch(token) and not TITLE_RE.fullmatch(token):
            score = 0.4
        if not score and titled and not words and not initials and not info.mixed:
            score = _rare_given_before_surname(info, lex, token, m.end(1))
        if not score:
            break
        start = m.start(1) if start is None else start
        end = m.start(1) + len(re.sub(r"['\u2019]s$", "", token))
        best = max(best, score)
        words += 1
        cursor = m.end(1)
        if dot:
            break
    if not words:
        return None
    return start, end, best + (0.05 if initials or words > 1 else 0.0), words

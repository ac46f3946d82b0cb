"""Name parsing shared by the PERSON detectors: rank/title and role words, and reading the name words after them.

A name word is scored from the shipped name lists (SSA given names, Census surnames) and, in mixed-case text,
capitalisation; surname particles ("Van Der Berg", "De La Cruz") join the words around them.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .text import TextInfo, alternation_prefixes, prefixes

_TITLES = (
    r"officers?|ofcs?|off|police\s+officer|patrol\s*(?:man|woman|officer)|deputy|deputies|dep|dty|sergeants?|"
    r"sgts?|lieutenants?|lts?|lieut|captains?|capt|cpt|corporals?|cpls?|detectives?|dets?|investigators?|inv|"
    r"troopers?|tprs?|special\s+agent|agents?|inspectors?|insp|chief|asst\.?\s+chief|sheriff|undersheriff|"
    r"marshals?|commanders?|cmdr|cdr|major|maj|colonel|col|lt\.?\s*col|constable|dispatchers?|telecommunicator|"
    r"mr|mrs|ms|miss|mx|dr|judge|magistrate|prosecutor|attorney|atty|nurse|paramedic|medic|firefighter|ff|pastor|"
    r"father|fr|reverend|rev|coach|principal|ranger|warden|chaplain|specialist|spc|pvt|private|professor|prof|"
    r"senator|mayor|commissioner|director|superintendent|supt|sgt\.?\s*maj|fto|cadet|recruit|rookie"
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
    r"shooter|offender|arrestee|inmate|patient|sergeant|sarge|supervisor|boss|fto|dispatcher|reporting\s+party|rp"
)
# Lowercase or capitalised particles inside a surname: "Van Der Berg", "De La Cruz", "bin Laden".
PARTICLES = frozenset("van von der den de del della la le da di du dos das bin ibn al el ter ten".split())
_PARTICLE = (r"(?:[Vv]an|[Vv]on|[Dd]er|[Dd]en|[Dd]e|[Dd]el|[Dd]ella|[Ll]a|[Ll]e|[Dd]a|[Dd]i|[Dd]u|[Dd]os|[Dd]as|"
             r"bin|ibn|[Aa]l|[Ee]l|[Tt]er|[Tt]en)")
_PARTICLE_TAIL_RE = re.compile(rf"(?:[ \t]+{_PARTICLE}){{1,3}}[ \t]+([A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?)")
TITLE_RE = re.compile(rf"\b({_TITLES})(?:\.|\b)(?!['\u2019]s)", re.IGNORECASE)
# Abbreviated titles take a period ("Ofc."); after a full word ("Duty officer. Tule River") a period ends the sentence.
ABBREVIATED = frozenset("ofc ofcs off dep dty sgt sgts lt lts lieut capt cpt cpl cpls det dets inv tpr tprs insp "
                         "cmdr cdr maj col mr mrs ms mx dr atty fr rev spc pvt prof supt asst".split())
# Place names made of a given name and another word: "San Carlos", "Santa Maria", "Fort Wayne".
PLACE_LEADS = frozenset("san santa los las el la fort ft mount mt port saint st new north south east west lake glen "
                         "little big upper lower grand monte del de".split())
TITLE_KEYS = alternation_prefixes(_TITLES) | prefixes("patrolman", "patrolwoman")
ROLE_KEYS = alternation_prefixes(_ROLES)
ROLE_RE = re.compile(rf"\b({_ROLES})\b(?:\s*[,:]|\s+(?:was|is))?", re.IGNORECASE)
NAME_TOKEN_RE = re.compile(r"\s*([A-Za-z](?:[A-Za-z'\u2019-]*[A-Za-z])?)(\.?)")
INITIAL_RE = re.compile(r"(?<![\w.])([A-Z])\.\s?(?:[A-Z]\.\s?)?((?:Mc|Mac|O')?[A-Z][a-z'-]+)\b")
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
VOWEL = re.compile(r"[aeiouyAEIOUY]")


def word_ok(info: TextInfo, lex: Lexicon, word: str, floor: float, cued: bool = True) -> float:
    """Score a candidate name word in context; 0 when it cannot be part of a name here."""
    bare = re.sub(r"['\u2019]s$", "", word)
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


def name_after(info: TextInfo, lex: Lexicon, pos: int, floor: float) -> tuple[int, int, float, int] | None:
    """Parse initials and up to three name words starting at *pos*; return (start, end, score, words)."""
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
        if not score and words and (not info.mixed or info.capitalized(token)) and lex.is_given(token.lower(), 10_000):
            score = 0.5  # a middle name that is also a word: "Roy Gene Tackett"
        if not score and words == 1 and not info.mixed and len(token) > 2 and VOWEL.search(token) and \
                lex.common_level(token.lower()) >= 99 and lex.is_given(text[start:end].lower(), 2000):
            score = 0.5  # "the guy, daniel okafor,": after a given name, a word in no list is a rare surname
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

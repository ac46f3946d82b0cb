"""PERSON: names after a rank or role, first + last names, initials + surname, and later bare re-mentions.

Evidence is combined from three sources: a title or role word before the name ("Ofc.", "my partner"), the
shipped name lists (SSA given names, Census surnames) and, in mixed-case text, capitalisation. Common English
words ("Safety", "Down", "said") are rejected so jargon such as "Officer Safety" is never a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import Lexicon, lexicon
from .text import WORD_RE, TextInfo, alternation_prefixes, matches, prefixes

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
_AMBIGUOUS_TITLES = frozenset("miss father brother sister private major judge coach principal director agent chief "
                              "ranger warden specialist nurse medic pastor professor prof mayor col off fr dr".split())
_ROLES = (
    r"partner|suspect|victim|driver|passenger|subject|witness|complainant|caller|neighbor|neighbour|"
    r"boyfriend|girlfriend|fiance|wife|husband|son|daughter|brother|sister|mother|father|cousin|friend|"
    r"trainee|coworker|co-worker|backup|named|name\s+(?:is|was)|identified\s+as|known\s+as|aka|"
    r"by\s+the\s+name\s+of|juvenile|male|female|man|woman|teen|teenager|kid"
)
TITLE_RE = re.compile(rf"\b({_TITLES})(?:\.|\b)(?!['\u2019]s)", re.IGNORECASE)
# Abbreviated titles take a period ("Ofc."); after a full word ("Duty officer. Tule River") a period ends the sentence.
_ABBREVIATED = frozenset("ofc ofcs off dep dty sgt sgts lt lts lieut capt cpt cpl cpls det dets inv tpr tprs insp "
                         "cmdr cdr maj col mr mrs ms mx dr atty fr rev spc pvt prof supt asst".split())
# Place names made of a given name and another word: "San Carlos", "Santa Maria", "Fort Wayne".
_PLACE_LEADS = frozenset("san santa los las el la fort ft mount mt port saint st new north south east west lake glen "
                         "little big upper lower grand monte del de".split())
_TITLE_KEYS = alternation_prefixes(_TITLES) | prefixes("patrolman", "patrolwoman")
_ROLE_KEYS = alternation_prefixes(_ROLES)
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
    r"hollow|pass|lookout|camp|trailhead|island|beach|bay|harbor|point|airtanker|helitack|region|zone|area)\b",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 3
_VOWEL = re.compile(r"[aeiouyAEIOUY]")


def _word_ok(info: TextInfo, lex: Lexicon, word: str, floor: float, cued: bool = True) -> float:
    """Score a candidate name word in context; 0 when it cannot be part of a name here."""
    bare = re.sub(r"['\u2019]s$", "", word)
    if info.mixed and not info.capitalized(bare) or not _VOWEL.search(bare):
        return 0.0
    score = lex.name_score(bare.lower())
    if not info.mixed and not lex.strong_name(bare.lower()) and not (cued and lex.cued_name(bare.lower())):
        return 0.0  # without capitals only the name lists can tell "CARTER" from "PAX" or "DIDN'T"
    return score if score >= floor else 0.0


def _name_after(info: TextInfo, lex: Lexicon, pos: int, floor: float) -> tuple[int, int, float, int] | None:
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
        score = _word_ok(info, lex, token, floor if words == 0 else 0.3)
        if not score and words and (not info.mixed or info.capitalized(token)) and lex.is_given(token.lower(), 10_000):
            score = 0.5  # a middle name that is also a word: "Roy Gene Tackett"
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


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield PERSON findings in *info* (bare re-mentions are added later by :func:`rementions`)."""
    text, lex = info.text, lexicon()
    for m in matches(info, TITLE_RE, _TITLE_KEYS):
        title = m.group(1)
        if title.lower() in _AMBIGUOUS_TITLES and (not info.mixed or not title[0].isupper()):
            continue
        if m.group().endswith(".") and title.lower() not in _ABBREVIATED:
            continue
        if info.mixed and title.isupper() and len(title) <= 3 and title.lower() in ("mr", "mrs", "ms", "mx", "dr"):
            continue  # "MS Sandhill Crane NWR": a state abbreviation, not "Ms."
        parsed = _name_after(info, lex, m.end(), 0.3)
        if not parsed:
            continue
        start, end, score, _ = parsed
        if NOT_PERSON_AFTER.match(text, end):
            continue
        confidence = 0.96 if score >= 0.5 else 0.75
        # The rank belongs to the identifier ("Ofc. J. Carter"): redacting only "Carter" leaves "Ofc. J.".
        yield make(text, "PERSON", m.start(), end, confidence, "rank/title + name")
        # "Officers Carter and Reyes": a second name after "and" shares the title.
        tail = re.match(r"\s*(?:,|and|&)\s*(?:and\s+)?", text[end:end + 8])
        if tail:
            more = _name_after(info, lex, end + tail.end(), 0.5)
            if more and not NOT_PERSON_AFTER.match(text, more[1]):
                yield make(text, "PERSON", more[0], more[1], 0.9, "second name after a title")
    for m in matches(info, ROLE_RE, _ROLE_KEYS):
        parsed = _name_after(info, lex, m.end(), 0.6)
        if not parsed and not info.mixed:
            # "the caller was bev sutter": after a role word, a rarer given name is enough when a surname follows.
            pair = re.match(r"\s*([a-zA-Z]+)\s+([a-zA-Z]+)\b", text[m.end():m.end() + 40])
            if pair and lex.is_given(pair.group(1).lower(), 500) and lex.is_surname(pair.group(2).lower(), 20_000) \
                    and min(lex.common_level(pair.group(1).lower()), lex.common_level(pair.group(2).lower())) > 20:
                yield make(text, "PERSON", m.end() + pair.start(1), m.end() + pair.end(2), 0.8,
                           "role word + given name + surname")
            continue
        if not parsed:
            continue
        start, end, score, words = parsed
        if NOT_PERSON_AFTER.match(text, end) or (not info.mixed and words < 2 and score < 0.85):
            continue
        yield make(text, "PERSON", start, end, 0.92 if score >= 0.85 else 0.7, "role word + name")
    yield from _pairs(info, lex)


def _pairs(info: TextInfo, lex: Lexicon) -> Iterator[Finding]:
    text = info.text
    tokens = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]
    skip_until = -1
    for i in range(len(tokens) - 1):
        (first, f_start, f_end), (last, l_start, l_end) = tokens[i], tokens[i + 1]
        if f_start < skip_until or not text[f_end:l_start].isspace() or "\n" in text[f_end:l_start]:
            continue
        if info.mixed and not (info.capitalized(first) and info.capitalized(last)):
            continue
        f_low, l_low = first.lower(), last.lower()
        if f_low in _PLACE_LEADS or not lex.is_given(f_low, 2000 if info.mixed else 10000) or \
                lex.place_kind(f"{first} {last}"):
            continue
        if NOT_PERSON_AFTER.match(text, l_end) or NOT_PERSON_AFTER.fullmatch(last) or TITLE_RE.fullmatch(last):
            continue
        f_score, l_score = lex.name_score(f_low), lex.name_score(l_low)
        if not info.mixed:
            # Without capitals both words must be frequent names of the right kind, and at least one of them
            # must be unambiguous (not also an English word): "gene dotson", "crystal haines", not "will hunter".
            plausible = lex.is_given(f_low, 10_000) and lex.is_surname(l_low, 10_000)
            if plausible and (lex.strong_name(f_low) or lex.strong_name(l_low)) and \
                    lex.common_level(f_low) > 10 and lex.common_level(l_low) > 10:
                skip_until = l_end
                strong = lex.strong_name(f_low) and lex.strong_name(l_low)
                yield make(text, "PERSON", f_start, l_end, 0.9 if strong else 0.8, "given name + surname (lexicon)")
            continue
        if f_score < 0.6 or l_score < 0.3:
            continue
        confidence = 0.95 if f_score >= 0.85 and l_score >= 0.6 else 0.75
        if text[max(0, f_start - 4):f_start].lower() == "the ":
            confidence = min(confidence, 0.7)  # "the Nellie Fire", "the Monte Cristo burn": a name of a thing
        end = l_end
        # Extend over a second surname: "Jaden Lee Whitlock".
        if i + 2 < len(tokens):
            word, n_start, n_end = tokens[i + 2]
            if text[l_end:n_start] == " " and info.capitalized(word) and lex.name_score(word.lower()) >= 0.85 \
                    and not NOT_PERSON_AFTER.match(text, n_end):
                end = n_end
        skip_until = end
        yield make(text, "PERSON", f_start, end, confidence, "given name + surname")
    if info.mixed:
        for m in INITIAL_RE.finditer(text):
            if NOT_PERSON_AFTER.match(text, m.end()):
                continue
            score = lex.name_score(m.group(2).lower())
            if score >= 0.6:
                yield make(text, "PERSON", *m.span(), 0.93 if score >= 0.85 else 0.75, "initial + surname")


def rementions(info: TextInfo, people: list[Finding]) -> Iterator[Finding]:
    """Yield later bare mentions ("Carter said") of name words already found in a confident PERSON finding."""
    text, lex = info.text, lexicon()
    names: dict[str, float] = {}
    anchors: dict[str, float] = {}
    for finding in people:
        if finding.confidence < 0.75:
            continue
        for word in re.findall(r"[A-Za-z][A-Za-z'-]+", finding.text):
            low = re.sub(r"'s$", "", word.lower())
            if len(low) >= 3 and not TITLE_RE.fullmatch(low):
                names[low] = lex.name_score(low)
                anchors[low] = max(anchors.get(low, 0.0), finding.confidence)
    if not names:
        return
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b(?!['\u2019]s\s+(?:office|department))",
                         re.IGNORECASE)
    for m in pattern.finditer(text):
        word = m.group(1)
        if info.mixed and not info.capitalized(word) or not info.mixed and not _VOWEL.search(word):
            continue
        score = names[word.lower()]
        if score < 0.3 and info.mixed or score < 0.6 and not info.mixed:
            continue
        sure = score >= 0.5 and anchors[word.lower()] >= 0.9
        yield make(text, "PERSON", *m.span(), 0.92 if sure else 0.75, "re-mention of a named person")

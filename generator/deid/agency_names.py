"""AGENCY named without a town: state police and wildlife acronyms ("NYSP", "SLED", "LDWF", "PSP Troop F"),
services known by their own name ("Border Patrol", "US Marshals", "Game Commission"), and the town of a post
or detachment ("Alaska State Troopers, Bethel post" -> PLACE "Bethel").

The acronyms are the state agencies of every US state, not words from any one report. Three-letter ones are also
airport codes ("MSP", "PSP", "GSP"), so they count only next to troop/trooper words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .agencies import at_line_start
from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .text import TextInfo, matches, prefixes

# State police, highway patrols, bureaus of investigation and wildlife agencies, four letters or more.
LONG_ACRONYMS = frozenset("""nysp njsp nmsp nhsp risp wvsp mshp ncshp schp sdhp ndhp oshp azdps txdps sled ldwf tpwd
fdle odfw wdfw osbi ncsbi""".split())
# Three-letter state police acronyms: the same letters often name an airport, so only beside trooper words.
SHORT_ACRONYMS = frozenset("""asp ast chp csp dsp fhp gsp isp ksp khp lsp msp mhp nhp nsp ohp osp psp thp uhp vsp wsp
whp gbi tbi kbi cbi sbi""".split())
_ACRONYM_RE = re.compile(r"[A-Za-z]{3,5}\b")
_ACRONYM_KEYS = prefixes(*LONG_ACRONYMS, *SHORT_ACRONYMS)
_TROOPER_CONTEXT_RE = re.compile(r"\b(?:troop|troopers?|tprs?|tfc|barracks|detachment)\b", re.IGNORECASE)
_TROOP_AFTER_RE = re.compile(r"[ \t]+(?:troop|post|barracks|detachment|district|zone)\s+(?:[A-Z]|\d{1,3})\b",
                             re.IGNORECASE)
# Agencies known by their own name, federal or state; capitalised in mixed text.
SERVICE_RE = re.compile(
    r"\b(?:U\.?S\.?\s+Marshals?|(?:U\.?S\.?\s+)?(?:Border\s+Patrol|Marshals?\s+Service|Game\s+Commission|"
    r"Warden\s+Service|Fish\s+(?:and|&)\s+(?:Game|Wildlife)(?:\s+(?:Service|Commission|Department))?|"
    r"Wildlife\s+Resources\s+(?:Agency|Commission|Division)|Capitol\s+Police|Secret\s+Service|"
    r"(?:National\s+)?Park\s+Service|Forest\s+Service|Bureau\s+of\s+Land\s+Management|Coast\s+Guard|"
    r"Department\s+of\s+(?:Natural\s+Resources|Conservation|Wildlife)))\b", re.IGNORECASE)
_SERVICE_KEYS = prefixes("u", "us", "border", "marshal", "marshals", "game", "warden", "fish", "wildlife", "capitol",
                         "secret", "department", "national", "park", "forest", "bureau", "coast")
# An acronym right after the words that name one's employer is an agency, whatever its letters: "i'm with wsp",
# "a deputy with BCSO", "working for CHP"; so is one opening a CAD header line ("VSP / TPR K. BLANKENSHIP").
_EMPLOYER_BEFORE_RE = re.compile(r"\b(?:with|for|from|joined|called|notified|requested|by)[ \t]+(?:the[ \t]+)?$",
                                 re.IGNORECASE)
_HEADER_AFTER_RE = re.compile(r"[ \t]*[/,|]")
# "<Town> post" after an agency: the post's town is a place ("Dayton post", "the elkins detachment").
POST_RE = re.compile(r"\b([A-Za-z][a-z'.-]+(?:[ \t][A-Z][a-z'.-]+)?)[ \t]+(?:post|detachment|barracks|substation)\b")
_POST_KEYS = prefixes("post", "detachment", "barracks", "substation")


# Any acronym (or "Metro") right after the words in which a narrator names their own employer is that employer:
# "I'm a state trooper with ALEA", "Detective with PPB", "i'm with jso", "I've been with Metro eleven years".
_EMPLOYER_CUE_RE = re.compile(
    r"(?:\b(?:i['\u2019]?m|i\s+am|i['\u2019]?ve\s+been|i\s+have\s+been)\b(?:[ \t]+(?:a|an|the)\b[^.,;\n]{0,25}?)?|"
    r"(?<!first[ \t])\b(?:trooper|officer|deputy|detective|sergeant|sgt|corporal|investigator|agent|lieutenant|"
    r"patrolman|dispatcher)s?)[ \t]+$", re.IGNORECASE)
_EMPLOYER_MIXED_RE = re.compile(r"(?i:with|for)[ \t]+(?:(?i:the)[ \t]+)?([A-Z]{3,5}|Metro)(?![\w'\u2019-]|\.\w)"
                                r"(?![ \t]+(?i:bus|buses|rail|line|lines|station|train|area|transit|system)\b)")
# Without capitals only the shape of a police acronym tells it from a word or a brand: "jso", "kcpd", "ohp".
_EMPLOYER_LOWER_RE = re.compile(r"(?:with|for)[ \t]+(?:the[ \t]+)?([a-z]{1,3}(?:pd|so|sp|hp|dps|sd))(?![\w'\u2019-]|\.\w)")
_EMPLOYER_KEYS = prefixes("with", "for")
# Acronyms of units, tools and conditions that follow "with" as often as an employer does.
_NOT_AGENCY_ACRONYMS = frozenset("""dui dwi owi oui swat cit srt sro fto ems emt icu cpr gps atv utv suv vin ssn dob
dmv ncic leo ptsd adhd aids hiv std ems eta etd asap hq k9 npc cad mdt rms bwc lpr alpr ied aed""".split())


def _employer_acronyms(info: TextInfo) -> Iterator[Finding]:
    if info.style == "upper":
        return  # ASRS capitals: "I WAS WORKING WITH ATC"
    text, lex = info.text, lexicon()
    for m in matches(info, _EMPLOYER_MIXED_RE if info.mixed else _EMPLOYER_LOWER_RE, _EMPLOYER_KEYS):
        if not _EMPLOYER_CUE_RE.search(text, max(0, m.start() - 50), m.start()):
            continue
        word = m.group(1)
        low = word.lower()
        if low in _NOT_AGENCY_ACRONYMS or low in NOT_NAMES:
            continue
        if word == "Metro" or info.mixed and word.isupper() or \
                info.style == "lower" and word.islower() and lex.common_level(low) >= 99 and not lex.place_kind(low):
            yield make(text, "AGENCY", *m.span(1), 0.9 if word != "Metro" else 0.85, "employer named by its initials")


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield AGENCY findings for acronyms and services, and PLACE findings for the town of a post."""
    text = info.text
    yield from _acronyms(info)
    if " with " in info.lower or " for " in info.lower:
        yield from _employer_acronyms(info)
    for m in matches(info, SERVICE_RE, _SERVICE_KEYS):
        words = m.group().split()
        if info.mixed and not all(w[0].isupper() for w in words if w.lower() not in ("of", "and", "&")):
            continue  # "the border patrol agent" in running mixed text is generic; "Border Patrol" is the agency
        yield make(text, "AGENCY", *m.span(), 0.85, "agency named by its service")
    yield from _posts(info)


def _acronyms(info: TextInfo) -> Iterator[Finding]:
    text = info.text
    trooper_context = None
    for pos in info.positions(_ACRONYM_KEYS):
        m = _ACRONYM_RE.match(text, pos)
        if not m:
            continue
        word = m.group()
        low = word.lower()
        if low not in LONG_ACRONYMS and low not in SHORT_ACRONYMS:
            continue
        if info.style == "mixed" and not word.isupper() or info.style == "lower" and lexicon().common_level(low) <= 50:
            continue  # "sled" is a sled; "SLED" is the South Carolina agency
        header = at_line_start(text, m.start()) and _HEADER_AFTER_RE.match(text, m.end())
        employer = info.style != "upper" and _EMPLOYER_BEFORE_RE.search(text, max(0, m.start() - 14), m.start())
        troop_after = header or employer or _TROOP_AFTER_RE.match(text, m.end())
        if info.style == "upper" and low not in LONG_ACRONYMS and not troop_after:
            continue  # ASRS-style capitals: "MSP", "PSP" are airports unless a troop follows
        if low in SHORT_ACRONYMS and not troop_after:
            if trooper_context is None:
                trooper_context = _TROOPER_CONTEXT_RE.search(text) is not None
            if not trooper_context:
                continue
        end = m.end()
        troop = _TROOP_AFTER_RE.match(text, end)
        yield make(text, "AGENCY", m.start(), troop.end() if troop else end, 0.9, "state agency acronym")


def _posts(info: TextInfo) -> Iterator[Finding]:
    text, lex = info.text, lexicon()
    for m in _post_matches(info):
        name = m.group(1)
        low = name.lower()
        if low in NOT_NAMES or info.mixed and not name[0].isupper():
            continue
        known = lex.place_kind(name) in ("city", "county") and (info.mixed or lex.common_level(low) > 35)
        # An unknown word is a town only in the "Agency, Town post" pattern; "the command post" is no town.
        after_comma = text[max(0, m.start() - 3):m.start()].rstrip().endswith(",")
        if not known and (lex.common_level(low.split()[0]) <= 50 or not after_comma):
            continue
        yield make(text, "PLACE", *m.span(1), 0.9 if known else 0.8, "town of a post or detachment")


def _post_matches(info: TextInfo) -> Iterator[re.Match[str]]:
    """POST_RE matches, tried only in a short window before each post word."""
    text = info.text
    for pos in info.positions(_POST_KEYS):
        m = POST_RE.search(text, max(0, pos - 40), pos + 12)
        while m and m.end() < pos:
            m = POST_RE.search(text, m.end(), pos + 12)
        if m and m.end() > pos:
            yield m

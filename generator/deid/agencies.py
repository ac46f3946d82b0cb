"""AGENCY: named police departments, sheriff's offices, patrols and troops ("Dayton PD", "Troop C")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, STATE_CODES, TOWN_WORDS, lexicon
from .text import DIGITS, TextInfo, alternation_prefixes, matches, prefixes

_SUFFIX = (
    r"(?:division|bureau|department)\s+of\s+police|police\s+department|police\s+dept\.?|police\s+division|"
    r"police\s+district|police\s+bureau|police|p\.?d\.?|"
    r"sheriff['\u2019]?s?\s+office|sheriff['\u2019]?s?\s+department|sheriff['\u2019]?s?\s+dept\.?|"
    r"sheriff['\u2019]?s?\s+(?:office|department)|county\s+sheriff|sheriff|s\.?o\.?|"
    r"state\s+highway\s+patrol|highway\s+patrol|state\s+patrol|state\s+police|state\s+troopers|"
    r"marshals?\s+(?:service|office)|"
    r"constables?(?:['\u2019]s?)?\s+precinct\s+\d{1,2}|fire\s+department|fire\s+dept\.?|fire\s+rescue|fire\s+district|"
    r"fd|ems|department\s+of\s+public\s+safety|dps|public\s+safety|"
    r"(?:metro(?:politan)?|transit|campus|university|park)\s+police(?:\s+(?:department|dept\.?))?|"
    r"metro(?!\s+(?:area|region|bus|transit|station|line|rail|train|counties|county))|"
    r"constable['\u2019]?s?\s+office|task\s+force|"
    r"narcotics\s+unit|swat\s+team|swat|dispatch|communications\s+center|911\s+center|911|"
    r"co\.?\s+s\.?o\.?|co\.?\s+sheriff['\u2019]?s?\s+(?:office|dept\.?|department)|upd|"
    r"tribal\s+police|nation\s+police|police\s+services|"
    r"law\s+enforcement(?:\s+(?:services|agency|division|department))?|"
    r"warden\s+service|game\s+commission|conservation\s+police|lighthorse\s+police|transit\s+authority\s+police|"
    r"regional\s+transit(?:\s+authority)?|transit\s+authority"
)
# Words that can stand before "Police"/"Sheriff" without naming anyone: "the state police", "our PD".
_GENERIC_LEAD = frozenset("""division the our my a an his her their that this both two three local state city county
neighboring neighbouring nearby another other federal area campus school transit tribal military municipal township
village surrounding adjoining adjacent outside rural small big large same each every any some several many no off on
duty of at to for from with by and or in into responding assisting backup assist mutual aid""".split())
# Words that end the run of name words before an agency suffix (they never belong to an agency name).
_STOP = frozenset("""the our my a an his her their that this both and or of at to for from with by in into on off
responding assisting assist called contacted notified requested advised""".split())
_SUFFIX_KEYS = alternation_prefixes(_SUFFIX.replace("(?:", "").replace(")?", "").replace(")", "")) | prefixes(
    "pd", "so", "fd")
# (A possessive may follow a police agency, "Glendale PD's SWAT team"; "the County Sheriff's deputies" stays a county.)
SUFFIX_RE = re.compile(r"(?<![\w'\u2019])(?:" + _SUFFIX + r")(?!\w|['\u2019](?!s\b)|(?<=sheriff)['\u2019]|"
                       r"['\u2019]s\s+(?:office|department|dept))", re.IGNORECASE)
_WORD_BEFORE_RE = re.compile(r"[A-Za-z0-9][\w.'\u2019&-]*")
TROOP_RE = re.compile(r"\b(?:troop|post|barracks|detachment)\s+([A-Z]|\d{1,3}|[A-Z]-\d{1,2})\b(?!-)", re.IGNORECASE)
PRECINCT_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\s+(?:precinct|district|division|pct|div)\b", re.IGNORECASE)
ACRONYM_RE = re.compile(r"\b(?:[A-Z]{1,2}DOT|[A-Z]{1,4}PD|[A-Z]{2,3}SO|[A-Z]{1,3}HP|[A-Z]{2}SP|[A-Z]{2}DPS|CHP|LASD|"
                        r"OSHP|NYSP|NJSP|WSP|FHP|THP|OHP|GSP)\b")
_ACRONYM_END_RE = re.compile(r"(?:DOT|PD|SO|HP|SP|DPS|SD)\b")
_UPPER_RUN_RE = re.compile(r"[A-Z]*$")
_ACRONYM_BEFORE_RE = re.compile(r"\b([A-Z]{2,5})[ \t]+$")
_STATE_HP_RE = re.compile(r"State\s+(?:Highway\s+Patrol|Police|Patrol)\b")
# "MSP (MINNESOTA STATE PATROL)": an acronym right before the agency it abbreviates.
_ACRONYM_BEFORE_PAREN_RE = re.compile(r"(?<![\w-])([A-Z]{2,6})[ \t]*\([ \t]*$")
_STATE_KEYS = prefixes("state")
_TROOP_KEYS = prefixes("troop", "post", "barracks", "detachment")
# Words that begin agency names mid-sentence: "Metro Nashville PD", "Greater Manchester Police".
_NAME_LEADS = frozenset("metro metropolitan greater north south east west new fort port mount saint upper lower"
                        .split())
_DEFINED_RE = re.compile(r"[ \t]*\(([A-Z]{2,6})\)")
_POSSESSIVE_RE = re.compile(r"['\u2019]s$", re.IGNORECASE)
# Suffixes that can only name a police or sheriff's agency (not "dispatch", "911" or "EMS").
_EXPLICIT_SUFFIX_RE = re.compile(r"p\.?d\.?|police\s+(?:department|dept\.?)|"
                                 r"sheriff['\u2019]?s?\s+(?:office|department|dept\.?)|county\s+sheriff", re.IGNORECASE)
_TOWN_SUFFIX_RE = re.compile(r"p\.?d\.?|police(?:\s+(?:department|dept\.?))?|sheriff['\u2019]?s?\s+(?:office|"
                             r"department|dept\.?)", re.IGNORECASE)
# What follows an agency that opens a CAD header: "APD / OFC ...", "CITRUS HEIGHTS PD. OFC ...".
_HEADER_END_RE = re.compile(r"[ \t]*(?:[/.,:;|\n-]|$)|[ \t]+(?:CAD|RPT|REPORT|SUPPL|SUPPLEMENT|INCIDENT|CASE|EVENT|"
                            r"NARRATIVE|CALL|UNIT|ITEM)\b", re.IGNORECASE)
_BADGE_BEFORE_RE = re.compile(r"(?:#\d{2,6}|\b(?:UNIT|CAR|BADGE)[ \t]+#?[A-Z0-9-]*\d[A-Z0-9-]*)[ \t]+$")
_RECORD_AFTER_RE = re.compile(r"[ \t]+(?:CASE|RPT|REPORT|INCIDENT|CAD|CFS|EVENT|ITEM|UNIT|OFC|OFFICER|DEP|DEPUTY|SGT|"
                              r"TPR|\d{1,2}(?:ST|ND|RD|TH)[ \t]+(?:PCT|PRECINCT|DIST|DISTRICT|DIV|DIVISION))\b")
_PATROL_SUFFIX_RE = re.compile(r"(?:state\s+)?highway\s+patrol|state\s+(?:patrol|police)", re.IGNORECASE)
_TROOPER_RE = re.compile(r"\b(?:troopers?|tprs?|tfc|barracks)\b", re.IGNORECASE)
_SINGLE_WORD = {"s.o", "so", "fd", "ems", "dispatch", "911", "sheriff", "police", "swat"}


def _known_place(phrase: str) -> str | None:
    """The gazetteer kind of *phrase*, ignoring towns named like words or codes ("PAX SO", "ORD POLICE")."""
    lex = lexicon()
    low = phrase.lower()
    if " " not in low and (len(low) <= 3 or low in NOT_NAMES or lex.common_level(low) <= 35):
        return None
    return lex.place_kind(phrase)


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield AGENCY findings in *info*."""
    text, lex = info.text, lexicon()
    for m in matches(info, SUFFIX_RE, _SUFFIX_KEYS):
        suffix = m.group()
        window = text[max(0, m.start() - 70):m.start()]
        offset = m.start() - len(window)
        tokens = list(_WORD_BEFORE_RE.finditer(window))[-5:]
        # Keep only the proper-noun run right before the suffix: "... called Dayton PD" -> "Dayton PD".
        kept: list[re.Match[str]] = []
        expected_end = len(window)
        for tok in reversed(tokens):
            word, gap = tok.group(), window[tok.end():expected_end]
            low = word.lower().strip(".,")
            sentence_end = word[-1] in ".," and not (len(word) <= 3 and word[0].isupper() and word[-1] == ".")
            if not gap.isspace() or "\n" in gap or len(kept) == 4 or low in _STOP or sentence_end or \
                    info.mixed and not (word[0].isupper() or word[0].isdigit()) or \
                    _POSSESSIVE_RE.search(word) and SUFFIX_RE.fullmatch(_POSSESSIVE_RE.sub("", word)):
                break  # (an agency's possessive owns what follows: "Glendale PD's SWAT team"; not "Lee's Summit")
            kept.insert(0, tok)
            expected_end = tok.start()
        # "State Police" or "County Sheriff" alone are generic; a name must come before such words. A record's time or
        # number before the name ("08/19/23 1932 MOHAVE CO SO") is not part of it.
        while kept and kept[0].group()[0].isdigit() and not info.mixed:
            kept.pop(0)
        while kept and kept[0].group().lower().strip(".,") in _GENERIC_LEAD:
            kept.pop(0)
        # A capitalised sentence opener ("When Dayton PD arrived") is not part of the name; a direction word of a
        # known town is ("North Bend PD").
        while len(kept) > 1 and lex.common_level(kept[0].group().lower().strip(".,")) <= 20 and not re.match(
                r"(?:county|township|city|twp|co\b)", kept[1].group(), re.IGNORECASE) and \
                not _known_place(" ".join(k.group().strip(".,") for k in kept)) and \
                not (kept[0].group().lower() in _NAME_LEADS and not info.sentence_start(offset + kept[0].start())):
            kept.pop(0)
        if not kept:
            continue
        words = [k.group().strip(".,") for k in kept]
        start = offset + kept[0].start()
        plain = 0.0 if info.mixed else _plain_evidence(info, words, suffix, start, m.end())
        short = suffix.lower().replace(".", "") in {"so", "pd", "fd"}
        if short and (suffix.islower() and info.mixed or not info.mixed and not plain):
            continue  # "so" is a word; without capitals "PD" counts only after a town ("spokane pd")
        place = " ".join(words)
        # "Buffalo PD", "the Buffalo police": a town named like a word is still a town before a police suffix.
        town = _TOWN_SUFFIX_RE.fullmatch(suffix) and lex.place_kind(place) in ("city", "county")
        if (suffix.lower() in _SINGLE_WORD or suffix.lower().startswith("law")) and len(words) == 1 and \
                lex.common_level(words[0].lower()) <= 35 and not plain and not town:
            continue  # "As law enforcement", "the Service law enforcement": a common word is no agency name
        known = _known_place(place) or _known_place(re.sub(r"\s+(?:county|co\.?)$", "", place, flags=re.I))
        if info.mixed:
            confidence = 0.95 if known or town or len(words) > 1 or lex.common_level(words[0].lower()) > 35 else 0.7
        elif plain:
            confidence = plain
        else:
            continue  # "LCL POLICE", "ARPT POLICE": without capitals a name needs the evidence of _plain_evidence
        if suffix.lower() in ("dispatch", "911", "swat", "task force", "ems") and not known:
            confidence = min(confidence, 0.7)
        if suffix.lower() == "metro" and not (known or lex.place_kind(place) in ("city", "county")):
            continue  # "Louisville Metro" is the town's police; "the Metro" or "Twin Cities Metro" is not
        end = m.end()
        if not info.mixed and len(words) > 1 and words[-1] == "DPS" and _PATROL_SUFFIX_RE.fullmatch(suffix):
            end = offset + kept[-1].end()  # "TX DPS HIGHWAY PATROL": the department, then its division
        yield make(text, "AGENCY", start, end, confidence, "named agency")
        abbreviation = _ACRONYM_BEFORE_PAREN_RE.search(text, max(0, start - 10), start) if confidence >= 0.9 else None
        if abbreviation and lex.common_level(abbreviation.group(1).lower()) > 35:
            yield make(text, "AGENCY", *abbreviation.span(1), 0.9, "acronym before the agency it abbreviates")
        defined = _DEFINED_RE.match(text, m.end())
        if defined and confidence >= 0.9:
            # "Jacksonville Sheriff's Office (JSO)": the text defines the acronym; echoes.py finds it again later.
            yield make(text, "AGENCY", *defined.span(1), 0.9, "agency acronym defined in the text")
    for m in matches(info, _STATE_HP_RE, _STATE_KEYS):
        if not m.group().endswith("Highway Patrol") and not _TROOPER_RE.search(text):
            continue  # "the State Police" is a trooper's own agency; elsewhere ("called State Police") a generic one
        yield make(text, "AGENCY", *m.span(), 0.85, "the State Police or Highway Patrol")
    for m in matches(info, TROOP_RE, _TROOP_KEYS):
        if info.mixed and not m.group(0)[0].isupper() and not m.group(1).isupper():
            continue
        # "PSP Troop F", "KHP TROOP D": the agency's acronym before the troop belongs to the name.
        acronym = _ACRONYM_BEFORE_RE.search(text, max(0, m.start() - 7), m.start())
        start = acronym.start() if acronym and lex.common_level(acronym.group(1).lower()) > 35 else m.start()
        yield make(text, "AGENCY", start, m.end(), 0.93 if m.group(0).lower().startswith("troop") else 0.8,
                   "troop/post")
    for m in matches(info, PRECINCT_RE, DIGITS):
        yield make(text, "AGENCY", *m.span(), 0.85, "numbered precinct/district")
    # Without capitals the acronym is read from the text in capitals ("kcpd", "bcso"; same offsets in ASCII). In
    # ASRS-style capitals "SPD" is a speed, so there an acronym counts only where a CAD header puts an agency:
    # opening a line before "/" ("APD / OFC K. MADDOX") or right after an officer's number ("#3317 DPD.").
    shouted = text.upper() if info.style == "lower" and text.isascii() else text
    for m in _acronyms(shouted):
        if lex.common_level(m.group().lower()) < 99:
            continue  # "ALSO", "ISO"
        if info.style == "upper" and not (at_line_start(text, m.start()) and _HEADER_END_RE.match(text, m.end()) or
                                          _BADGE_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()) or
                                          _RECORD_AFTER_RE.match(text, m.end())):
            continue
        yield make(text, "AGENCY", *m.span(), 0.9, "agency acronym")


def _plain_evidence(info: TextInfo, words: list[str], suffix: str, start: int, end: int) -> float:
    """Confidence for an agency name in text without capitals (0 when there is too little evidence): a known
    place ("SPOKANE PD"), a town named like a word before an explicit police suffix ("concord pd"), a name with a
    town word ("CITRUS HEIGHTS PD"), or a CAD header line that opens with the agency ("SAC SO / DEP R. THAO")."""
    lex = lexicon()
    place = " ".join(words)
    if _known_place(place) or _known_place(re.sub(r"\s+(?:county|co\.?)$", "", place, flags=re.I)):
        return 0.93
    explicit = _EXPLICIT_SUFFIX_RE.fullmatch(suffix) is not None
    low = place.lower()
    if explicit and len(low) > 3 and low not in NOT_NAMES and lex.place_kind(place) in ("city", "county"):
        return 0.9
    if len(words) > 1 and words[-1].lower() in TOWN_WORDS and words[0].lower() not in NOT_NAMES:
        return 0.9
    if _PATROL_SUFFIX_RE.fullmatch(suffix) and re.fullmatch(STATE_CODES, words[0]) and \
            all(w.isupper() for w in words):
        return 0.9  # "TX DPS HIGHWAY PATROL", "MN STATE PATROL": a state's own patrol, named by its code
    header_suffix = explicit or suffix.lower().replace(".", "") == "so"
    if header_suffix and at_line_start(info.text, start) and _HEADER_END_RE.match(info.text, end) and \
            all(lex.common_level(w.lower()) > 20 and w.lower() not in NOT_NAMES for w in words):
        return 0.9
    return 0.0


def at_line_start(text: str, pos: int) -> bool:
    """True when only spaces stand between the start of *pos*'s line and *pos* (a CAD header's first field)."""
    return not text[text.rfind("\n", 0, pos) + 1:pos].strip(" \t")


def _acronyms(text: str) -> Iterator[re.Match[str]]:
    """ACRONYM_RE matches, found from their endings ("PD", "SO", "HP", ...): scanning for a few letters is much
    cheaper than trying the whole alternation at every position of the text."""
    for end in _ACRONYM_END_RE.finditer(text):
        start = _UPPER_RUN_RE.search(text, max(0, end.start() - 8), end.start()).start()
        m = ACRONYM_RE.match(text, start)
        if m and m.end() == end.end():
            yield m

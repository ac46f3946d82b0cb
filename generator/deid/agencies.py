"""AGENCY: named police departments, sheriff's offices, patrols and troops ("Dayton PD", "Troop C")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, lexicon
from .text import DIGITS, TextInfo, alternation_prefixes, matches, prefixes

_SUFFIX = (
    r"division\s+of\s+police|police\s+department|police\s+dept\.?|police\s+division|police\s+district|police\s+bureau|police|p\.?d\.?|"
    r"sheriff['\u2019]?s?\s+office|sheriff['\u2019]?s?\s+department|sheriff['\u2019]?s?\s+dept\.?|"
    r"sheriff['\u2019]?s?\s+(?:office|department)|county\s+sheriff|sheriff|s\.?o\.?|"
    r"state\s+highway\s+patrol|highway\s+patrol|state\s+patrol|state\s+police|state\s+troopers|"
    r"marshals?\s+(?:service|office)|"
    r"constables?(?:['\u2019]s?)?\s+precinct\s+\d{1,2}|fire\s+department|fire\s+dept\.?|fire\s+rescue|fire\s+district|"
    r"fd|ems|department\s+of\s+public\s+safety|dps|public\s+safety|metro(?:politan)?\s+police|transit\s+police|"
    r"campus\s+police|university\s+police|park\s+police|constable['\u2019]?s?\s+office|task\s+force|"
    r"narcotics\s+unit|swat\s+team|swat|dispatch|communications\s+center|911\s+center|911|"
    r"co\.?\s+s\.?o\.?|co\.?\s+sheriff['\u2019]?s?\s+(?:office|dept\.?|department)|upd|"
    r"tribal\s+police|nation\s+police|police\s+services|"
    r"law\s+enforcement(?:\s+(?:services|agency|division|department))?|"
    r"warden\s+service|game\s+commission|conservation\s+police|lighthorse\s+police|transit\s+authority\s+police"
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
SUFFIX_RE = re.compile(r"(?<![\w'\u2019])(?:" + _SUFFIX + r")(?![\w'\u2019])", re.IGNORECASE)
_WORD_BEFORE_RE = re.compile(r"[A-Za-z0-9][\w.'\u2019&-]*")
TROOP_RE = re.compile(r"\b(?:troop|post|barracks|detachment)\s+([A-Z]|\d{1,3}|[A-Z]-\d{1,2})\b(?!-)", re.IGNORECASE)
PRECINCT_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\s+(?:precinct|district)\b", re.IGNORECASE)
ACRONYM_RE = re.compile(r"\b(?:[A-Z]{1,2}DOT|[A-Z]{1,4}PD|[A-Z]{2,3}SO|[A-Z]{1,3}HP|[A-Z]{2}SP|[A-Z]{2}DPS|CHP|LASD|"
                        r"OSHP|NYSP|NJSP|WSP|FHP|THP|OHP|GSP)\b")
_ACRONYM_END_RE = re.compile(r"(?:DOT|PD|SO|HP|SP|DPS|SD)\b")
_UPPER_RUN_RE = re.compile(r"[A-Z]*$")
_ACRONYM_BEFORE_RE = re.compile(r"\b([A-Z]{2,5})[ \t]+$")
_STATE_HP_RE = re.compile(r"State\s+Highway\s+Patrol\b")
_STATE_KEYS = prefixes("state")
_TROOP_KEYS = prefixes("troop", "post", "barracks", "detachment")
# Words that begin agency names mid-sentence: "Metro Nashville PD", "Greater Manchester Police".
_NAME_LEADS = frozenset("metro metropolitan greater north south east west new fort port mount saint upper lower"
                        .split())
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
                    info.mixed and not (word[0].isupper() or word[0].isdigit()):
                break
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
        short = suffix.lower().replace(".", "") in {"so", "pd", "fd"}
        if short and (suffix.islower() and info.mixed or not info.mixed and not _known_place(" ".join(
                k.group().strip(".,") for k in kept))):
            continue  # "so" is a word; without capitals "PD" counts only after a known city ("spokane pd")
        if (suffix.lower() in _SINGLE_WORD or suffix.lower().startswith("law")) and len(words) == 1 and \
                lex.common_level(words[0].lower()) <= 35:
            continue  # "As law enforcement", "the Service law enforcement": a common word is no agency name
        place = " ".join(words)
        known = _known_place(place) or _known_place(re.sub(r"\s+(?:county|co\.?)$", "", place, flags=re.I))
        if info.mixed:
            confidence = 0.95 if known or len(words) > 1 or lex.common_level(words[0].lower()) > 35 else 0.7
        elif known:
            confidence = 0.93
        else:
            continue  # "LCL POLICE", "ARPT POLICE": without capitals only a known place name is evidence
        if suffix.lower() in ("dispatch", "911", "swat", "task force", "ems") and not known:
            confidence = min(confidence, 0.7)
        yield make(text, "AGENCY", offset + kept[0].start(), m.end(), confidence, "named agency")
    for m in matches(info, _STATE_HP_RE, _STATE_KEYS):
        yield make(text, "AGENCY", *m.span(), 0.85, "the State Highway Patrol")
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
    for m in _acronyms(text) if info.style != "upper" else ():
        if lex.common_level(m.group().lower()) < 99:
            continue  # "ALSO", "ISO"
        yield make(text, "AGENCY", *m.span(), 0.9, "agency acronym")


def _acronyms(text: str) -> Iterator[re.Match[str]]:
    """ACRONYM_RE matches, found from their endings ("PD", "SO", "HP", ...): scanning for a few letters is much
    cheaper than trying the whole alternation at every position of the text."""
    for end in _ACRONYM_END_RE.finditer(text):
        start = _UPPER_RUN_RE.search(text, max(0, end.start() - 8), end.start()).start()
        m = ACRONYM_RE.match(text, start)
        if m and m.end() == end.end():
            yield m

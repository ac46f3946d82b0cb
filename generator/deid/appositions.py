"""PERSON from the shape around a name rather than the name lists: a quoted nickname inside a name
('Randall "Tiny" Becker'), a name followed by its age ("Sione Faleafa, 41,"), and the record style of CAD and
ASRS-like reports ("SUBJ CORTEZ LANIER 27 Y/O", "ID'D AS TERRANCE OKWU 22.").

These forms name people whatever their origin, so they also find names that no US list holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import NOT_NAMES, Lexicon, lexicon
from .names import NOT_PERSON_AFTER, TITLE_RE, VOWEL
from .text import LETTER, TextInfo, alternation_prefixes, matches, prefixes

_WORD = rf"{LETTER}(?:{LETTER}|['\u2019-])*"
# Given "Nick" Surname: the quotes make the middle a nickname, so the words around it are a name.
NICKNAME_RE = re.compile(rf"(?<![\w\"\u201c])({_WORD})[ \t]+([\"\u201c'\u2018])({_WORD}(?:[ \t]{_WORD})?)"
                         rf"[\"\u201d'\u2019][ \t]+({_WORD})")
_QUOTE_OPEN_RE = re.compile(r"[ \t][\"\u201c'\u2018]")
_WORD_BEFORE_QUOTE_RE = re.compile(rf"(?<![\w\"\u201c]){_WORD}[ \t]+$")
# An age right after a name: ", 41," / " (41)" ("Sione Faleafa, 41, ..."); the name is read backwards from it.
AGE_AFTER_RE = re.compile(r"(?:,|[ \t]*\()[ \t]*(\d{1,2})"
                          r"(?=[ \t]*[,)]|[ \t]*\.(?!\d)|[ \t]*;|[ \t]+(?:and|who|from|of|was|with|had|is|at|when)\b)")
# Two to four words ending where the age or relation begins.
NAME_BEFORE_RE = re.compile(rf"(?<![\w'\u2019-])((?:{_WORD}[ \t]+){{1,3}}{_WORD})$")
# A name set off by a relation or role: "That was Faith Brooks, his girlfriend."
RELATION_RE = re.compile(
    r",[ \t]+(?:his|her|their|my|our|the|a|your)[ \t]+"
    r"(?:ex-?)?(?:girlfriend|boyfriend|wife|husband|fianc[eé]e?|son|daughter|brother|sister|mother|father|mom|dad|"
    r"stepson|stepdaughter|stepfather|stepmother|cousin|uncle|aunt|nephew|niece|grandson|granddaughter|grandmother|"
    r"grandfather|friend|roommate|neighbor|neighbour|landlord|tenant|coworker|co-worker|boss|employer|"
    r"owner|manager|driver|passenger|victim|suspect|caller|witness|complainant)\b", re.IGNORECASE)
# CAD and ASRS-style records: a role cue, then the name, then a record field ("27 Y/O", ", MO DL", "(RP'S SON)").
_CAD_ROLES = (r"subj|subject|susp|suspect|driver|operator|passenger|pass|owner|reg\s+owner|rp|victim|vict|compl|"
              r"complainant|witness|wit|male|female|juvenile|son|daughter|brother|sister|wife|husband|father|mother|"
              r"boyfriend|girlfriend|id'?d\s+as|identified\s+(?:himself\s+|herself\s+)?as|named")
CAD_ROLE_RE = re.compile(rf"\b(?:{_CAD_ROLES})(?:\s+of\s+veh(?:icle)?\s*#?\s*\d{{1,2}})?[ \t:,]+"
                         rf"((?:{_WORD}[ \t]+){{1,2}}{_WORD})", re.IGNORECASE)
_WORD_RE = re.compile(_WORD)
_CAD_WORD_RE = re.compile(rf"(?:{_CAD_ROLES}|veh|unk|unknown|adv|approx|ssn|dob|dl|cdl|w/?[mf]|[bwh]/?[mf])",
                          re.IGNORECASE)
_CAD_ROLE_KEYS = alternation_prefixes(_CAD_ROLES.replace(r"\s+", " ")) | prefixes("id", "identified", "reg")
_RECORD_AFTER_RE = re.compile(
    r"[ \t]*(?:[,.;:(]|$|\n|\d{1,2}(?![\d/:-]|\.\d)|"
    r"(?:y/?o|yoa|dob|ssn|dl|cdl|and|who|was|stated|adv|advised|w/|age)\b)",
    re.IGNORECASE)


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield PERSON findings for nicknamed names, names followed by an age, and CAD-style role + name."""
    lex = lexicon()
    if '"' in info.text or "\u201c" in info.text or " '" in info.text or "\u2018" in info.text:
        yield from _nicknames(info, lex)
    if info.has_digit:
        yield from _aged_names(info, lex, AGE_AFTER_RE, "name followed by an age")
    if "," in info.text:
        yield from _aged_names(info, lex, RELATION_RE, "name set off by a relation")
    if not info.mixed:
        yield from _record_names(info, lex)
    yield from _partners(info, lex)


# "me and Manny", "Manny and I", "me and dre": a partner named by a given name alone, in the pairing with the writer.
PARTNER_RE = re.compile(rf"\b(?:me|my\s+partner)[ \t]+and[ \t]+({_WORD})\b|\b({_WORD})[ \t]+and[ \t]+(?:I|me)\b",
                        re.IGNORECASE)
_PARTNER_KEYS = prefixes("me", "my", "and")


def _partners(info: TextInfo, lex: Lexicon) -> Iterator[Finding]:
    """A given name paired with the writer ("Me and Manny got a call", "dre and i went in"): review tier, and a
    confident anchor for re-mentions only when the name is not also an English word."""
    for m in matches(info, PARTNER_RE, _PARTNER_KEYS):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        low = word.lower()
        # (a word that is also a frequent name counts capitalised: "John and I", but not "Will and I")
        wordlike = lex.common_level(low) <= 50 and not (info.mixed and lex.common_level(low) > 20 and
                                                         lex.is_given(low, 20_000))
        if low in NOT_NAMES or TITLE_RE.fullmatch(word) or wordlike or not lex.is_given(low, 500) or \
                info.mixed and not word[0].isupper():
            continue
        yield make(info.text, "PERSON", *m.span(group), 0.8, "given name paired with the writer")


def _name_word(info: TextInfo, lex: Lexicon, word: str, first: bool = False) -> bool:
    """True when *word* can be part of a name here: capitalised in mixed text, not a rank or an English word
    (a listed given name or surname may be one: "Faith", "Brooks")."""
    low = word.lower()
    if TITLE_RE.fullmatch(word) or _CAD_WORD_RE.fullmatch(word) or not VOWEL.search(word) or len(word) < 2:
        return False
    if low in NOT_NAMES:
        # "Ji-ho Park, 28": a frequent surname that is also a place or role word, only after another name word
        return info.mixed and not first and lex.surname_rank.get(low, 10**9) <= 5000 and word[0].isupper()
    if info.mixed and not info.capitalized(word):
        return False
    if not info.mixed:
        # Without capitals only the lists speak: a word in none of them, or a name that is not a common word.
        return lex.common_level(low) > 50 or lex.strong_name(low) or lex.cued_name(low) or lex.is_given(low, 10_000)
    if lex.common_level(low) > 35:
        return True
    return lex.is_given(low, 2000) if first else lex.is_surname(low, 20_000) or lex.is_given(low, 2000)


def _nickname_matches(text: str) -> Iterator[re.Match[str]]:
    """NICKNAME_RE matches, tried only at the word before an opening quote (the regex alone tries every word)."""
    last_end = -1
    for quote in _QUOTE_OPEN_RE.finditer(text):
        word = _WORD_BEFORE_QUOTE_RE.search(text, max(0, quote.start() - 40), quote.start() + 1)
        m = NICKNAME_RE.match(text, word.start()) if word and word.start() >= last_end else None
        if m:
            last_end = m.end()
            yield m


def _nicknames(info: TextInfo, lex: Lexicon) -> Iterator[Finding]:
    text = info.text
    for m in _nickname_matches(text):
        given, nick, surname = m.group(1), m.group(3), m.group(4)
        if not (_name_word(info, lex, given, first=True) or lex.is_given(given.lower(), 500)) or len(nick) < 2:
            continue
        if not info.mixed and (lex.common_level(given.lower()) <= 35 or lex.common_level(surname.lower()) <= 35):
            continue  # "AN 'IMMEDIATE' TKOF": without capitals, quotes around a word are emphasis
        if not _name_word(info, lex, surname) or NOT_PERSON_AFTER.match(text, m.end(4)):
            continue
        if info.mixed and not info.capitalized(nick):
            continue
        yield make(text, "PERSON", m.start(1), m.end(4), 0.95, "given name + quoted nickname + surname")


def _aged_names(info: TextInfo, lex: Lexicon, pattern: re.Pattern[str], reason: str) -> Iterator[Finding]:
    """Names right before an age or a relation (*pattern* matches that cue; the name is read backwards from it)."""
    text = info.text
    for cue in pattern.finditer(text):
        m = NAME_BEFORE_RE.search(text, max(0, cue.start() - 80), cue.start())
        if not m:
            continue
        words = m.group(1).split()
        # Leading words that are not names ("The", "Driver", "Later") are context, not part of the name.
        while words and not _name_word(info, lex, words[0], first=True):
            words.pop(0)
        if len(words) < 2 or not all(_name_word(info, lex, w) for w in words[1:]):
            continue
        if pattern is RELATION_RE and any(NOT_PERSON_AFTER.fullmatch(w) for w in words):
            continue  # "the Virgin River Canyon, the driver ...": a place, not a person
        if not info.mixed and not any(lex.strong_name(w.lower()) or lex.common_level(w.lower()) > 50 for w in words):
            continue  # without capitals at least one word must be unmistakably a name
        if lex.place_kind(" ".join(words)) or cue.lastindex == 1 and not 0 < int(cue.group(1)) < 110:
            continue
        start = m.end(1) - len(" ".join(words))
        if text[start:m.end(1)] != " ".join(words):
            continue  # the words were separated by tabs or double spaces: not one clean name
        yield make(text, "PERSON", start, m.end(1), 0.93, reason)


def _record_names(info: TextInfo, lex: Lexicon) -> Iterator[Finding]:
    text = info.text
    # Every cue is tried on its own: "PASSENGER ID'D AS TERRANCE OKWU" has two, and the second one is right.
    for pos in info.positions(_CAD_ROLE_KEYS):
        m = CAD_ROLE_RE.match(text, pos)
        if not m or pos and text[pos - 1].isalnum():
            continue
        words = list(_WORD_RE.finditer(text, m.start(1), m.end(1)))
        # The name is the two or three words that a record field follows ("... LANIER 27 Y/O", "... ODUYA, MO DL").
        for n in (3, 2):
            if len(words) >= n and _RECORD_AFTER_RE.match(text, words[n - 1].end()):
                words = words[:n]
                break
        else:
            continue
        names = [w.group() for w in words]
        if not all(_name_word(info, lex, w) for w in names) or lex.place_kind(" ".join(names)):
            continue
        if not any(lex.common_level(w.lower()) > 35 for w in names):
            continue  # "DRIVER WAS FINE": a name has at least one word that is not English
        yield make(text, "PERSON", words[0].start(), words[-1].end(), 0.9, "record-style role + name")

"""PERSON: names after a rank or role, first + last names, and initials + surname.

Evidence is combined from three sources: a title or role word before the name ("Ofc.", "my partner"), the
shipped name lists (SSA given names, Census surnames) and, in mixed-case text, capitalisation. Common English
words ("Safety", "Down", "said") are rejected so jargon such as "Officer Safety" is never a name. Later bare
mentions, lone given names and possessives are in ``mentions.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .finding import Finding, make
from .lexicon import STATE_WORDS, Lexicon, lexicon
from .names import (
    ABBREVIATED,
    AMBIGUOUS_TITLES,
    INITIAL_RE,
    NOT_PERSON_AFTER,
    PARTICLES,
    PLACE_LEADS,
    ROLE_KEYS,
    ROLE_RE,
    TITLE_KEYS,
    TITLE_LEAD_RE,
    TITLE_RE,
    name_after,
    particle_tail,
)
from .text import TextInfo, matches


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield PERSON findings in *info* (bare re-mentions are added later by :func:`rementions`)."""
    text, lex = info.text, lexicon()
    for m in matches(info, TITLE_RE, TITLE_KEYS):
        title = m.group(1)
        if title.lower() in AMBIGUOUS_TITLES and (not info.mixed or not title[0].isupper()):
            continue
        if title.lower() in _CAPS_ONLY_TITLES and (not title.isupper() or _PO_NOT_NAME_RE.match(text, m.end())):
            continue  # "PO D. LANDRY", "P/O Landry" (a rank only in capitals); "PO Box 12", "po'd" are not
        if m.group().endswith(".") and title.lower() not in ABBREVIATED:
            continue
        if info.mixed and title.isupper() and len(title) <= 3 and title.lower() in ("mr", "mrs", "ms", "mx", "dr"):
            continue  # "MS Sandhill Crane NWR": a state abbreviation, not "Ms."
        if title.lower() == "dr" and info.mixed and _NAME_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()) \
                and not info.sentence_start(m.start()):
            continue  # "at Lakewood Dr. Florida tag": after a capitalised name "Dr." is a street's Drive
        parsed = name_after(info, lex, m.end(), 0.3, titled=True)
        if not parsed:
            continue
        start, end, score, words = parsed
        if NOT_PERSON_AFTER.match(text, end):
            end = _place_word_surname(info, lex, start, end)
            if end is None:
                continue
        end = _surname_before_age(info, lex, end, words)
        confidence = 0.96 if score >= 0.5 else 0.75
        # The rank belongs to the identifier ("Ofc. J. Carter"): redacting only "Carter" leaves "Ofc. J.", and a
        # longer rank is one ("Senior Deputy", "Trooper First Class").
        lead = TITLE_LEAD_RE.search(text, max(0, m.start() - 30), m.start())
        begin = lead.start() if lead and (not info.mixed or text[lead.start()].isupper()) else m.start()
        yield make(text, "PERSON", begin, end, confidence, "rank/title + name")
        # "Officers Carter and Reyes": a second name after "and" shares the title.
        tail = re.match(r"\s*(?:,|and|&)\s*(?:and\s+)?", text[end:end + 8])
        if tail:
            more = name_after(info, lex, end + tail.end(), 0.5)
            if more and not NOT_PERSON_AFTER.match(text, more[1]):
                yield make(text, "PERSON", more[0], more[1], 0.9, "second name after a title")
    for m in matches(info, ROLE_RE, ROLE_KEYS):
        parsed = name_after(info, lex, m.end(), 0.6)
        if not parsed and m.group().rstrip().endswith(","):
            parsed = _appositive(info, lex, m.end())
        if not parsed and not info.mixed:
            # "the caller was bev sutter": after a role word, a rarer given name is enough when a surname follows.
            # A surname that is also a word ("tavian price") is accepted when the given name is not one.
            pair = re.match(r"\s*([a-zA-Z]+)\s+([a-zA-Z]+)\b", text[m.end():m.end() + 40])
            if pair and lex.is_given(pair.group(1).lower(), 500) and lex.is_surname(pair.group(2).lower(), 20_000) \
                    and lex.common_level(pair.group(1).lower()) > 35 and lex.common_level(pair.group(2).lower()) > 5:
                yield make(text, "PERSON", m.end() + pair.start(1), m.end() + pair.end(2), 0.8,
                           "role word + given name + surname")
            continue
        if not parsed:
            continue
        start, end, score, words = parsed
        if NOT_PERSON_AFTER.match(text, end) or (not info.mixed and words < 2 and score < 0.85):
            continue
        end = _surname_before_age(info, lex, end, words)
        yield make(text, "PERSON", start, end, 0.92 if score >= 0.85 else 0.7, "role word + name")
    yield from _pairs(info, lex)


_STATE_WORD_RE = re.compile(STATE_WORDS, re.IGNORECASE)
# Ranks written only in capitals: NOPD's "P/O" and Detroit's "PO" (lowercase "po" is no rank).
_CAPS_ONLY_TITLES = frozenset({"po", "p/o"})
_PO_NOT_NAME_RE = re.compile(r"[ \t]*(?:box|bx|#|number|no\b|\d)", re.IGNORECASE)
# In CAD capitals a name's last word may be a surname that is also an English word; an age right after it closes
# the name: "DRIVER COLTON REESE MARSH 32", "OPER JOHN PAUL STONE 41,".
_CAD_SURNAME_AGE_RE = re.compile(r"[ \t]+([A-Z][A-Z'-]+)(?=[ \t]+\d{1,2}(?:[ \t]*(?:YOA|Y/O|YO|YRS))?[ \t]*[,.;(]|"
                                 r"[ \t]+\d{1,2}[ \t]+(?:SSN|DOB|DL|OLN|MA|NY|[A-Z]{2}[ \t]+(?:LIC|DL|OL)))")


def _surname_before_age(info: TextInfo, lex: Lexicon, end: int, words: int) -> int:
    """End of a CAD name whose last word (a listed surname, also a word) stands right before the person's age."""
    if info.mixed or words != 2:
        return end
    m = _CAD_SURNAME_AGE_RE.match(info.text, end)
    if m and lex.is_surname(m.group(1).lower(), 50_000) and not NOT_PERSON_AFTER.fullmatch(m.group(1)) and \
            not TITLE_RE.fullmatch(m.group(1)):
        return m.end(1)
    return end
_NAME_BEFORE_RE = re.compile(r"\b[A-Z][a-z]+[ \t]+$")
_SURNAME_AFTER_RE = re.compile(r"[ \t]+([A-Z][a-z]+)(?=[ \t]*[,.;:)]|[ \t]+[a-z]|[ \t]*$)")


def _place_word_surname(info: TextInfo, lex: Lexicon, start: int, end: int) -> int | None:
    """End of "Mrs. Evelyn Park" / "Ofc. Mike Hall": after a rank and a given name, a frequent surname that is also
    a place word ("Park", "Hall") is the surname, unless another capitalised word makes it a place name."""
    m = _SURNAME_AFTER_RE.match(info.text, end) if info.mixed else None
    first = info.text[start:end].split()[0].lower()
    if m and lex.is_given(first, 2000) and lex.surname_rank.get(m.group(1).lower(), 10**9) <= 5000:
        return m.end(1)
    return None


_APPOSITIVE_RE = re.compile(r"\s*([A-Za-z]+)(?:\s+([A-Za-z][A-Za-z'-]+))?\s*,")


def _appositive(info: TextInfo, lex: Lexicon, pos: int) -> tuple[int, int, float, int] | None:
    """A name set off by commas after a role word ("the guy, Rusty Oaks,", "my sergeant, Bill,"): the commas
    make a given name (plus a listed surname) enough even when the words are ordinary English words."""
    m = _APPOSITIVE_RE.match(info.text, pos)
    if not m or info.mixed and not all(w[0].isupper() for w in m.groups() if w):
        return None
    given, surname = m.group(1).lower(), (m.group(2) or "").lower()
    if not lex.is_given(given, 10_000) or surname and not lex.is_surname(surname, 20_000):
        return None
    return m.start(1), m.end(2) if surname else m.end(1), 0.9 if surname else 0.7, 2 if surname else 1


def _token(text: str, match: re.Match[str]) -> tuple[str, int, int]:
    """(word as written, start, end) for a match over the lowercase copy of *text*."""
    return text[match.start():match.end()], match.start(), match.end()


def _pairs(info: TextInfo, lex: Lexicon) -> Iterator[Finding]:
    text = info.text
    threshold = 2000 if info.mixed else 10000
    # Only a frequent given name can start a pair; most short texts have none, which one set test in C shows
    # before any word is looked at in Python.
    frequent = lex.frequent_given(threshold)
    words = info.words if not frequent.isdisjoint(info.word_strings) else []
    starts = [i for i, m in enumerate(words[:-1]) if m.group() in frequent]
    skip_until = -1
    for i in starts:
        (first, f_start, f_end), (last, l_start, l_end) = _token(text, words[i]), _token(text, words[i + 1])
        if f_start < skip_until or not text[f_end:l_start].isspace() or "\n" in text[f_end:l_start]:
            continue
        if info.mixed and not (info.capitalized(first) and info.capitalized(last)):
            continue
        f_low, l_low = first.lower(), last.lower()
        if f_low in PLACE_LEADS or not lex.is_given(f_low, 2000 if info.mixed else 10000) or \
                lex.place_kind(f"{first} {last}") or lex.place_kind(f_low) == "state" or \
                _STATE_WORD_RE.fullmatch(last) and not lex.is_surname(l_low, 5000):
            continue  # "Jerome Idaho", "Williams AZ", "Nevada Bell" (but "Mary Washington" is a person)
        if l_low in PARTICLES and info.mixed:
            tail = particle_tail(info, f_end)  # "Maria De La Cruz": given name + particle surname
            if tail and lex.is_given(f_low, 5000) and not NOT_PERSON_AFTER.match(text, tail):
                skip_until = tail
                yield make(text, "PERSON", f_start, tail, 0.92, "given name + particle surname")
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
        # Extend over a second surname ("Jaden Lee Whitlock") or a particle surname ("Mary Jo Van Der Berg").
        tail = particle_tail(info, l_end)
        if tail:
            end = tail
        elif i + 2 < len(words):
            word, n_start, n_end = _token(text, words[i + 2])
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

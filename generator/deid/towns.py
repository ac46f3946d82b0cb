"""PLACE: known US town and city names from the shipped gazetteer, found word by word.

About 10,000 names are known (more when the list is built with a Census Gazetteer places file), and many are also
English words, given names or surnames ("Mobile", "Hope", "Marion", "Price"), so a match proves little alone: each
one is weighed by the words around it in ``town_context.py``. This module finds the longest known name at each
word, cheaply (one set test rules out most words), and keeps a direction or a town word that belongs to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .finding import Finding
from .gazetteer import Place, normal_word
from .lexicon import NOT_NAMES, Lexicon, lexicon
from .text import TextInfo
from .town_context import NOT_TOWNS, STATE_AFTER_RE, foreign, spoken_language, weigh

__all__ = ["detect", "foreign", "spoken_language", "warm_up"]

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_CAPITAL_WORD_RE = re.compile(r"[A-Z][A-Za-z'\u2019]*")  # every capitalised token of _WORD_RE, and no fewer
# What may stand between two words of one place name: "St. Louis", "Winston-Salem", "Fort  Worth".
_JOIN_RE = re.compile(r"\.?[ \t]{1,2}|-")
# A capitalised word after a known name that makes a longer town name: "Spokane Valley", "Tremont City".
_TOWN_WORD_RE = re.compile(r"[ \t]+(?:Heights|Hills|City|Village|Valley|Springs|Falls|Beach|Park|Township|Junction)\b")


def detect(info: TextInfo) -> Iterator[Finding]:
    """Yield PLACE findings for known US town names in *info*."""
    text, lex = info.text, lexicon()
    lengths, raw_firsts = lex.places.lengths, lex.places.raw_firsts
    # Most short texts contain no word that starts a place name (capitalised, in mixed text): one set test on the
    # words as strings finds that out before any match object is made.
    maybe = _CAPITAL_WORD_RE.findall(text) if info.mixed else _WORD_RE.findall(info.lower)
    if raw_firsts.isdisjoint(w.lower() for w in maybe) if info.mixed else raw_firsts.isdisjoint(maybe):
        return
    # Lowercase tokens (same offsets as the text); most start no place name and cost one set lookup.
    words = list(_WORD_RE.finditer(info.lower))
    skip_to = -1
    # In mixed-case text a town name starts with a capital: "long", "man" and "call" are towns too. Without
    # capitals such word-like names count only before a state ("MOBILE, AL"), so most are skipped at once.
    capital, quiet = info.mixed, _quiet_words()
    for i in [i for i, m in enumerate(words) if m.group() in raw_firsts and (not capital or text[m.start()].isupper())]:
        m = words[i]
        if m.start() < skip_to or not capital and m.group() in quiet and not STATE_AFTER_RE.match(text, m.end()):
            continue
        first = normal_word(m.group())
        if first not in lengths:
            continue
        found = _longest_name(lex, text, words, i, first)
        if not found:
            continue
        end, key, place = found
        if "state" in place.kinds:
            skip_to = end  # "South Dakota", "West Virginia": a state, and never the town inside it
            continue
        longer = _TOWN_WORD_RE.match(text, end)
        if longer:
            end, key = longer.end(), key + (longer.group().strip().lower(),)
        finding = weigh(info, lex, m.start(), end, key, place)
        if finding:
            skip_to = finding.end
            yield finding


def warm_up() -> None:
    """Build the derived word sets now rather than during the first scan."""
    _quiet_words()


@lru_cache(maxsize=1)
def _quiet_words() -> frozenset[str]:
    """One-word town names that are English words or never names here ("man", "long", "deputy"), and start no
    longer town name: without capitals they are towns only before a state."""
    lex = lexicon()
    return frozenset(first for first, lengths in lex.places.lengths.items() if lengths == (1,) and (
        first in NOT_NAMES or first in NOT_TOWNS or lex.common_level(first) <= 35 or len(first) <= 3))


def _longest_name(lex: Lexicon, text: str, words: list[re.Match[str]], i: int, first: str
                  ) -> tuple[int, tuple[str, ...], Place] | None:
    """The longest known place name starting at word *i* (normalised *first*): (end, normalised words, entry)."""
    lengths = lex.places.lengths[first]
    key = [first]
    ends = [words[i].end()]
    for j in range(i + 1, min(len(words), i + lengths[0])):
        if not _JOIN_RE.fullmatch(text, ends[-1], words[j].start()):
            break
        key.append(normal_word(words[j].group()))
        ends.append(words[j].end())
    for n in lengths:
        if n <= len(ends):
            place = lex.places.get_words(tuple(key[:n]))
            if place:
                return ends[n - 1], tuple(key[:n]), place
    return None

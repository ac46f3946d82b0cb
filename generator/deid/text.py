"""Facts about a text that several detectors need: its letter case style and where sentences start."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

MIXED = "mixed"
UPPER = "upper"
LOWER = "lower"

# Redaction markers must never be reported again, so every detector's output is checked against them.
MARKER_RE = re.compile(r"\[REDACTED-[A-Z]+\]")
SENTENCE_START_RE = re.compile(r"(?:\A|[.!?]\s+|\n\s*)[\"'(]*([A-Za-z])")
TITLE_WORD_RE = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b")
_DIGIT_RE = re.compile(r"[0-9]")
_NOT_LETTERS = bytes(c for c in range(256) if not (65 <= c <= 90 or 97 <= c <= 122))
_NOT_UPPER = bytes(c for c in range(256) if not 65 <= c <= 90)
# Letters include accented ones ("Quiñones", "Treviño"); [^\W\d_] is "a letter" in Python's Unicode regexes.
LETTER = r"[^\W\d_]"
LOWER_LETTER = r"[a-z\u00df-\u00f6\u00f8-\u00ff]"  # ASCII and Latin-1 lowercase: "ñ", "é", "ü"
WORD_RE = re.compile(rf"{LETTER}(?:{LETTER}|['\u2019-])*{LETTER}|{LETTER}")
ASCII_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")  # WORD_RE on ASCII text, several times faster


def case_style(text: str) -> str:
    """Classify a text as "upper" (ASRS-style shouting), "lower" (no capitals) or "mixed".

    Capitalisation is the strongest name cue in mixed text; in the other two styles it carries no information,
    so detectors fall back to lexicon and keyword evidence.
    """
    text = MARKER_RE.sub("", text) if "[REDACTED-" in text else text
    if text.isascii():
        # bytes.translate deletes in C; counting with str methods costs a Python call per character.
        raw = text.encode("ascii")
        letters, uppers = len(raw.translate(None, _NOT_LETTERS)), len(raw.translate(None, _NOT_UPPER))
    else:
        letters, uppers = sum(map(str.isalpha, text)), sum(map(str.isupper, text))
    if not letters:
        return MIXED
    if uppers / letters > 0.75:
        return UPPER
    # Lowercase writers still type "I", acronyms ("RTCC") and the odd shouted word ("NOT"): the text counts as
    # lowercase when most sentences start with a small letter and hardly any word inside a sentence is Title-case.
    starts = SENTENCE_START_RE.findall(text)
    lower_starts = sum(1 for c in starts if c.islower())
    if starts and lower_starts / len(starts) >= 0.5 and len(TITLE_WORD_RE.findall(text)) <= max(2, letters // 1000):
        return LOWER
    return MIXED


@dataclass
class TextInfo:
    """A text plus derived facts, computed once per scan and shared by all detectors."""

    text: str
    style: str = ""
    markers: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.style = case_style(self.text)
        self.markers = [m.span() for m in MARKER_RE.finditer(self.text)]
        self._token_index: dict[str, list[int]] | None = None
        self._lower: str | None = None
        self._words: list[re.Match[str]] | None = None
        self._key_mask = 0
        self._positions: dict[frozenset[str], list[int]] = {}
        self._mask_size = -1  # how many key sets were registered when _key_mask was computed
        # Dates, times, numbers and most record identifiers need a digit; most short texts have none, so detectors
        # skip whole groups of patterns on this one test.
        self.has_digit = _DIGIT_RE.search(self.text) is not None

    def positions(self, keys: frozenset[str]) -> list[int]:
        """Sorted start offsets of the words filed under any of *keys* (see :func:`positions`).

        Most key sets have no word at all in a short text. Every key set gets one bit, and each text ORs the bits
        of its own keys once, so such a set is ruled out with one dict lookup and one AND instead of a set walk.
        """
        bit = _SET_BITS.get(keys) or register_keys(keys)
        if self._mask_size != len(_SET_BITS):
            index = self.token_index
            mask = 0
            for key in index:
                mask |= _KEY_BITS.get(key, 0)
            self._key_mask, self._mask_size = mask, len(_SET_BITS)
        if not self._key_mask & bit:
            return []
        # Several detectors share a key set (every number-shaped pattern uses DIGITS): merge its lists once.
        found = self._positions.get(keys)
        if found is None:
            found = self._positions[keys] = positions(self.token_index, keys)
        return found

    @property
    def token_index(self) -> dict[str, list[int]]:
        """Start offsets of words by their first three lowercase characters (see :func:`_token_index`)."""
        if self._token_index is None:
            self._token_index = _token_index(self)
        return self._token_index

    @property
    def words(self) -> list[re.Match[str]]:
        """Matches of :data:`WORD_RE` over :attr:`lower` (lowercase words; offsets are the text's)."""
        if self._words is None:
            self._words = list((ASCII_WORD_RE if self.lower.isascii() else WORD_RE).finditer(self.lower))
        return self._words

    @property
    def word_strings(self) -> list[str]:
        """The lowercase words of :attr:`words` as strings (cheaper when offsets are not needed)."""
        if self._words is not None:
            return [m.group() for m in self._words]
        return (ASCII_WORD_RE if self.lower.isascii() else WORD_RE).findall(self.lower)

    @property
    def lower(self) -> str:
        """The text in lowercase with the same offsets (a few characters lowercase to two; those keep one)."""
        if self._lower is None:
            low = self.text.lower()
            self._lower = low if len(low) == len(self.text) else "".join(c.lower()[:1] for c in self.text)
        return self._lower

    @property
    def mixed(self) -> bool:
        """True when capitalisation can be trusted as a cue."""
        return self.style == MIXED

    def sentence_start(self, pos: int) -> bool:
        """True when *pos* begins a sentence, heading, list item or line (so its capital letter means nothing)."""
        i = pos - 1
        while i >= 0 and self.text[i] in " \t\"'([*#>-\u201c":
            i -= 1
        return i < 0 or self.text[i] in ".!?:;\n"

    def capitalized(self, word: str) -> bool:
        """True when *word* looks like a proper noun in this text's style ("Carter", "McNeil", "O'Brien")."""
        if not word[:1].isupper():
            return False
        if self.style == UPPER:
            return True
        return not word.isupper() or len(word) <= 2


_TOKEN_RE = re.compile(r"[A-Za-z0-9]+")
DIGITS = frozenset("0123456789")


# One bit per key set handed to TextInfo.positions, and for each key the bits of the sets that contain it.
_SET_BITS: dict[frozenset[str], int] = {}
_KEY_BITS: dict[str, int] = {}


def register_keys(keys: frozenset[str]) -> int:
    """Give a key set its bit (once; sets built at import time are registered then) and return the bit."""
    bit = _SET_BITS.get(keys)
    if bit is None:
        bit = 1 << len(_SET_BITS)
        _SET_BITS[keys] = bit
        for key in keys:
            _KEY_BITS[key] = _KEY_BITS.get(key, 0) | bit
    return bit


register_keys(DIGITS)


def prefixes(*words: str) -> frozenset[str]:
    """Dispatch keys for :func:`matches`: the first three letters of each keyword (whole if shorter)."""
    keys = frozenset(w.lower()[:3] for w in words)
    register_keys(keys)
    return keys


def alternation_prefixes(alternation: str) -> frozenset[str]:
    """Dispatch keys for a regex alternation of keywords such as ``"officers?|ofc|deputy"``."""
    keys = set()
    for alt in alternation.split("|"):
        m = re.match(r"[a-z0-9]+", alt.strip().lower())
        if m:
            keys.add(m.group()[:3])
    frozen = frozenset(keys)
    register_keys(frozen)
    return frozen


def _token_index(info: "TextInfo") -> dict[str, list[int]]:
    index: defaultdict[str, list[int]] = defaultdict(list)
    # A word is filed under its first three characters (the whole word when shorter), so the key "at" finds
    # "at" but not "attack"; words starting with a digit are also filed under that digit alone.
    for m in _TOKEN_RE.finditer(info.lower):
        word, start = m.group(), m.start()
        index[word[:3]].append(start)
        if word[0].isdigit() and len(word) > 1:
            index[word[0]].append(start)
    return index


def positions(index: dict[str, list[int]], keys: frozenset[str]) -> list[int]:
    """Sorted start offsets of the words filed under any of *keys*.

    The smaller of the two collections is walked (a short text has a few dozen keys, a detector up to a hundred):
    ``frozenset & dict.keys()`` would always walk the frozenset, which dominated the cost on short texts.
    """
    if len(keys) > len(index):
        present = [key for key in index if key in keys]
    else:
        present = [key for key in keys if key in index]
    if not present:
        return []
    if len(present) == 1:
        return index[present[0]]
    return sorted({s for key in present for s in index[key]})


def matches(info: "TextInfo", pattern: re.Pattern[str], keys: frozenset[str]):
    """Like ``pattern.finditer(info.text)`` for a pattern that starts with one of the keywords behind *keys*.

    Trying the pattern only where a word begins with a key is much faster than letting the regex engine try
    every position with a long case-insensitive alternation.
    """
    starts = info.positions(keys)
    last_end = -1
    for start in starts:
        if start < last_end:
            continue
        m = pattern.match(info.text, start)
        if m:
            last_end = m.end() if m.end() > start else start + 1
            yield m


def anchored(info: "TextInfo", pattern: re.Pattern[str], keys: frozenset[str], group: int = 2,
              offset: int = 0, gate: re.Pattern[str] | None = None) -> Iterator[re.Match[str]]:
    """Matches of a "<proper words> <keyword>" *pattern* whose keyword (*group*) starts at a keyword position.

    The proper words come before the keyword, so the regex runs only in a short window behind each keyword
    instead of at every position of the text. A *gate* that the keyword itself must match skips the window
    where a word merely shares the keyword's first letters ("ARE" for "ARENA", "CREW" for "CREEK").
    """
    text = info.text
    for key_start in info.positions(keys):
        if gate is not None and not gate.match(text, key_start):
            continue
        for m in pattern.finditer(text, max(0, key_start - 80), min(len(text), key_start + 40)):
            anchor = m.end() + offset if group == 0 else m.start(group)
            if (group == 0 and m.start() <= key_start <= m.end()) or anchor == key_start:
                yield m
                break

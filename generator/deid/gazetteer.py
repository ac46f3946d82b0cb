"""The US place-name list (states, Census counties, town names from public-domain lists) and phrase lookups over it.

The list is built by ``scripts/build_deid_data.py`` (sources and licences in ``data/SOURCES.md``). Names are compared
in a normal form (lowercase, "St."/"Ft."/"Mt." spelled out, hyphens and periods dropped) so "St. Louis", "Saint
Louis" and "ST LOUIS" are one entry. The list is large (about 10,000 names from the registry sources, 30,000 or more
with a Census Gazetteer places file; many are also English words or surnames), so callers weigh a match by its
context; see ``towns.py``.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "mtn": "mountain", "pt": "point"}
_PUNCT_RE = re.compile(r"[.\u2019']")
_SPLIT_RE = re.compile(r"[\s-]+")
MAX_WORDS = 5


def normal_words(phrase: str) -> tuple[str, ...]:
    """The comparable form of a place name as a tuple of words: "St. Louis" -> ("saint", "louis")."""
    words = _SPLIT_RE.split(_PUNCT_RE.sub("", phrase.lower()).strip())
    return tuple(_ABBREVIATIONS.get(w, w) for w in words if w)


def normal_word(word: str) -> str:
    """The comparable form of one word without spaces or hyphens (a fast path of :func:`normal_words`)."""
    low = word.lower()
    if "'" in low or "\u2019" in low or "." in low:
        low = _PUNCT_RE.sub("", low)
    return _ABBREVIATIONS.get(low, low)


@dataclass(frozen=True)
class Place:
    """One place name: its kinds ("city", "county", "state"), the source records carrying it (airports, Census
    places; 0 for a county or state), and its states."""

    kinds: frozenset[str]
    records: int
    states: frozenset[str]

    @property
    def kind(self) -> str:
        """The main reading of the name: a state beats a city, a city beats a county of the same name."""
        for kind in ("state", "city", "county"):
            if kind in self.kinds:
                return kind
        return ""


class Gazetteer:
    """Lookups by normalised phrase, plus an index of the name lengths that start with each first word."""

    def __init__(self, path: Path = DATA / "places.txt.gz") -> None:
        entries: dict[tuple[str, ...], Place] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}
        lengths: dict[str, set[int]] = {}
        raw_firsts: set[str] = set()
        interned: dict[str, frozenset[str]] = {}
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                name, kinds, records, states = line.rstrip("\n").split("\t")
                raw_firsts.add(_SPLIT_RE.split(name.lower().strip(), 1)[0].rstrip("."))
                key = normal_words(name)
                if not key or len(key) > MAX_WORDS:
                    continue
                # Thousands of entries share a handful of kind/state sets; interning them keeps start-up small.
                kind_set = interned.setdefault(kinds, frozenset(kinds.split(",")))
                state_set = interned.setdefault(states, frozenset(filter(None, states.split(","))))
                old = entries.get(key)
                if old:
                    kind_set, state_set = old.kinds | kind_set, old.states | state_set
                    records = str(old.records + int(records))
                entries[key] = Place(kind_set, int(records), state_set)
                lengths.setdefault(key[0], set()).add(len(key))
        # The phrase index maps to positions in a list of distinct entries. A dict of ints and tuples of strings is
        # one the garbage collector stops visiting, so a full collection during a scan no longer walks 10,000
        # Place objects (it took about 8 ms, a p99 spike on every scan it hit).
        distinct: dict[Place, int] = {}
        self._index = {key: distinct.setdefault(place, len(distinct)) for key, place in entries.items()}
        self._places = list(distinct)
        self.lengths = {first: tuple(sorted(n, reverse=True)) for first, n in lengths.items()}
        # First words as they are written in lowercase text ("st", "o'fallon", "ft."), for a one-lookup pre-test.
        self.raw_firsts = set(self.lengths) | raw_firsts
        self.raw_firsts |= {abbr for abbr, full in _ABBREVIATIONS.items() if full in self.lengths}

    @property
    def entries(self) -> dict[tuple[str, ...], Place]:
        """Every entry by its normalised words (built on each access: for inspection, not for lookups)."""
        return {key: self._places[i] for key, i in self._index.items()}

    def get(self, phrase: str) -> Place | None:
        """The entry for a place name in any spelling ("ST. LOUIS", "Winston-Salem"), or None."""
        return self.get_words(normal_words(phrase))

    def get_words(self, words: tuple[str, ...]) -> Place | None:
        """The entry for already-normalised words (see :func:`normal_words`), or None."""
        i = self._index.get(words)
        return None if i is None else self._places[i]

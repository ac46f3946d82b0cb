"""Name, place and common-word lexicons shipped in generator/deid/data/ (built by scripts/build_deid_data.py).

Loaded once per process on first use; every lookup takes a lowercase word.
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import lru_cache
from pathlib import Path

from .gazetteer import Gazetteer

DATA = Path(__file__).resolve().parent / "data"

# Words that the name lists contain but that in police writing are almost always something else: ranks,
# roles, equipment, directions. They are never name evidence on their own.
NOT_NAMES = frozenset("""
officer officers deputy sergeant sarge lieutenant captain corporal detective trooper agent chief sheriff marshal
commander major colonel constable patrolman dispatcher dispatch inspector investigator partner suspect victim
driver passenger subject male female man woman boy girl guy lady sir madam unit car cruiser squad medic engine
truck ladder code signal north south east west northbound southbound eastbound westbound street avenue road
lane drive court place way circle highway route county city town village township park church school hospital
center centre mall store station district precinct sector zone beat post troop division bureau department
office jail court judge god lord jesus christ mom dad mother father brother sister son daughter wife husband
pax alt lav corp acft capt atc fa fo ctl ctlr freq tfc rwy twr gnd apch dep arr lcl ramp
uncle aunt grandma grandpa baby kid kids child team staff crew academy training range patrol
january february march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday christmas easter thanksgiving halloween
hispanic latino latina america american african mexican asian caucasian spanish english catholic muslim
jewish indian native arab chinese korean vietnamese russian italian irish german french canadian european
somali haitian cuban puerto rican dominican filipino japanese swat cpr walmart facebook google narcan kevlar
""".split())

# Second words that make "<Name> <word>" a town or a part of one: "Citrus Heights", "University City".
TOWN_WORDS = frozenset("heights hills hill city village valley springs falls beach park township junction grove lake "
                       "creek ridge harbor point shores woods bay island glen haven gardens terrace meadows plains "
                       "manor square".split())

# US states and their postal codes, for rules that must tell "Jerome Idaho" from "Jerome Smith".
STATE_NAMES = (r"(?:alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|"
               r"idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|"
               r"minnesota|mississippi|missouri|montana|nebraska|nevada|new\s+hampshire|new\s+jersey|new\s+mexico|"
               r"new\s+york|north\s+carolina|north\s+dakota|ohio|oklahoma|oregon|pennsylvania|rhode\s+island|"
               r"south\s+carolina|south\s+dakota|tennessee|texas|utah|vermont|virginia|washington|west\s+virginia|"
               r"wisconsin|wyoming)")
STATE_CODES = (r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|"
               r"NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)")
STATE_WORDS = rf"(?:{STATE_NAMES}|{STATE_CODES})"


def fold(word: str) -> str:
    """*word* without accents ("quiñones" -> "quinones"): the name lists are written in ASCII."""
    if word.isascii():
        return word
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


def _load(name: str) -> dict[str, str]:
    with gzip.open(DATA / name, "rt", encoding="utf-8") as handle:
        return dict(line.rstrip("\n").split("\t", 1) for line in handle if "\t" in line)


class Lexicon:
    """Lookups over the shipped word lists."""

    def __init__(self) -> None:
        self.given = {k: int(v) for k, v in _load("given_names.txt.gz").items()}
        self.surname_rank = {k: int(v) for k, v in _load("surnames.txt.gz").items()}
        self.common = {k: int(v) for k, v in _load("common_words.txt.gz").items()}
        self.places = Gazetteer()
        self._frequent: dict[int, frozenset[str]] = {}

    def common_level(self, word: str) -> int:
        """SCOWL frequency level of a lowercase word (10 = very common ... 50), or 99 when not a common word."""
        return self.common.get(word, 99)

    def is_given(self, word: str, min_births: int = 500) -> bool:
        """True when *word* is a US given name at least *min_births* children received (SSA 1935-2015)."""
        return word not in NOT_NAMES and self.given.get(fold(word), 0) >= min_births

    def frequent_given(self, min_births: int) -> frozenset[str]:
        """The given names at least *min_births* children received (for a one-step membership test)."""
        names = self._frequent.get(min_births)
        if names is None:
            names = frozenset(n for n, births in self.given.items() if births >= min_births)
            self._frequent[min_births] = names
        return names

    def is_surname(self, word: str, max_rank: int = 100_000) -> bool:
        """True when *word* is in the Census 1990 surname list within *max_rank*."""
        return word not in NOT_NAMES and self.surname_rank.get(fold(word), 10**9) <= max_rank

    def name_score(self, word: str) -> float:
        """How much a single lowercase word looks like a personal name (0 = not at all, 1 = surely).

        Unknown words score in the middle: real surnames are a long tail no list covers ("Whitlock"). Common
        English words score low unless they are also frequent names ("Brown", "Young").
        """
        word = fold(word)
        if word in NOT_NAMES or len(word) < 2:
            return 0.0
        for apostrophe in ("'", "\u2019"):
            head = word.split(apostrophe)[0]
            if head != word and (len(head) > 1 and self.common_level(head) <= 50 or head == "i"):
                return 0.05  # "it's", "didn't", "I'd" (but not "o'brien")
        level = self.common_level(word)
        rank = self.surname_rank.get(word)
        births = self.given.get(word, 0)
        if "-" in word and level == 99 and rank is None and not births:
            # "ruiz-ocampo", "lindgren-hayes": a double-barrelled name is as much a name as its weaker half
            parts = [p for p in word.split("-") if p]
            if len(parts) > 1 and all(len(p) > 1 for p in parts):
                return max(0.6, min(self.name_score(p) for p in parts))
        is_name = (rank is not None and rank <= 20_000) or births >= 2_000
        if level <= 20:
            return 0.55 if (rank is not None and rank <= 1_000) or births >= 100_000 else 0.05
        if level <= 35:
            return 0.6 if is_name else 0.1
        if level <= 50:
            return 0.75 if is_name else 0.3
        if is_name:
            return 0.95
        if rank is not None or births:
            return 0.85
        return 0.6

    def strong_name(self, word: str) -> bool:
        """True when *word* alone is good evidence of a name even without capitals: a frequent surname or
        given name that is not also a common English word ("carter", "reyes"; not "brown", not "pax")."""
        word = fold(word)
        if word in NOT_NAMES or self.common_level(word) <= 35:
            return False
        return self.surname_rank.get(word, 10**9) <= 5_000 or self.given.get(word, 0) >= 20_000

    def cued_name(self, word: str) -> bool:
        """Weaker test used right after a rank or role word ("VICTIM CRYSTAL HAINES", "DEP KOWALSKI")."""
        word = fold(word)
        if word in NOT_NAMES or self.common_level(word) <= 20:
            return False
        return self.given.get(word, 0) >= 50_000 or self.surname_rank.get(word, 10**9) <= 20_000 and \
            self.common_level(word) > 50

    def place_kind(self, phrase: str) -> str | None:
        """Return "city", "county" or "state" for a known US place name, else None."""
        place = self.places.get(phrase)
        return place.kind if place else None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The process-wide lexicon, loaded on first call."""
    return Lexicon()

"""Cell values to schema values: taxonomy slugs for facets, YYYY-MM months for dates."""

from __future__ import annotations

import datetime as dt
import re

from generator.suggest import did_you_mean
from generator.taxonomy import UNCLASSIFIED, Vocabulary

# Multi-valued cells list values separated by ';' or '|' (SAFENET "Line;Support;", ASRS "a|b"). Commas are not
# separators: real values contain them ("Crew, Overhead").
SEPARATORS = re.compile(r"[;|]")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


class CellError(ValueError):
    """A cell that cannot be converted; the message says why and what is allowed."""


def slugify(text: str) -> str:
    """Lowercase letters and digits joined by single hyphens: "Prescribed/Fuels Treatment" ->
    "prescribed-fuels-treatment"."""
    return _NON_SLUG.sub("-", text.lower()).strip("-")


class VocabularyMatcher:
    """Finds the term a cell names, by slug or label, ignoring case and punctuation."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.lookup: dict[str, str] = {UNCLASSIFIED: UNCLASSIFIED}
        for term in vocabulary.terms:
            self.lookup.setdefault(slugify(term.label), term.slug)
        for term in vocabulary.terms:  # a slug beats another term's label
            self.lookup[slugify(term.slug)] = term.slug

    def values(self, cell: str, unknown: str) -> list[str]:
        """Slugs named in a cell, in order, without repeats; unknown names raise unless `unknown` is
        "unclassified"."""
        slugs: list[str] = []
        for part in SEPARATORS.split(cell):
            if not part.strip():
                continue
            slug = self.lookup.get(slugify(part))
            if slug is None:
                if unknown != UNCLASSIFIED:
                    hint = did_you_mean(part.strip(), [term.label for term in self.vocabulary.terms])
                    raise CellError(f'"{part.strip()}" is not in {self.vocabulary.label}{hint}; add it to the '
                                    f"taxonomy, or use --unknown-values unclassified")
                slug = UNCLASSIFIED
            if slug not in slugs:
                slugs.append(slug)
        if len(slugs) > 1 and UNCLASSIFIED in slugs:
            slugs.remove(UNCLASSIFIED)
        return slugs


# Date forms seen in real exports, tried in order. Only the year and month are kept.
_DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{1,2})(?:-\d{1,2})?(?:[T ].*)?$"), "ym"),       # 2015-01-01, 2015-01, ISO times
    (re.compile(r"^(\d{4})/(\d{1,2})(?:/\d{1,2})?(?:\s.*)?$"), "ym"),          # 2015/01/31
    (re.compile(r"^(\d{4})(\d{2})(?:\d{2})?$"), "ym"),                         # 198801, 20150131
    (re.compile(r"^(\d{1,2})/\d{1,2}/(\d{4})(?:\s.*)?$"), "my"),               # 07/08/2012 18:04 (US order)
    (re.compile(r"^(\d{1,2})-\d{1,2}-(\d{4})(?:\s.*)?$"), "my"),               # 07-08-2012
)


def event_month(cell: str) -> str:
    """YYYY-MM of a date cell. Day-first dates (31/12/2020) are not guessed: month-first is the US export form;
    a day above 12 in the month position is an error, not a silent swap."""
    text = cell.strip()
    for pattern, order in _DATE_FORMS:
        match = pattern.match(text)
        if match:
            year, month = (match.group(1), match.group(2)) if order == "ym" else (match.group(2), match.group(1))
            if not 1 <= int(month) <= 12:
                raise CellError(f'"{text}" has month {int(month)}; expected 1-12')
            if not 1800 <= int(year) <= dt.date.today().year + 1:
                raise CellError(f'"{text}" has an implausible year {year}')
            return f"{int(year):04d}-{int(month):02d}"
    raise CellError(f'"{text}" is not a date this importer reads (YYYY-MM-DD, YYYY-MM, YYYYMM, MM/DD/YYYY)')

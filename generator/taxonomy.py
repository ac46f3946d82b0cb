"""Controlled vocabularies (`taxonomy.yml`): event types, contributing factors, regions and the rest.

A taxonomy is data, not code: another domain (wildland fire, aviation) is only a different taxonomy file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import NearmissError, Problem
from generator.yamlio import load_yaml

SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")
# Accepted by every vocabulary so that imported data can say "nobody classified this" explicitly.
UNCLASSIFIED = "unclassified"
TERM_KEYS = ("slug", "label", "description", "parent")
# The vocabularies the report schema refers to; a taxonomy file must define all of them.
REQUIRED_VOCABULARIES = (
    "event_type", "contributing_factors", "loss_potential", "what_prevented_harm", "reporter_role",
    "time_block", "region", "setting", "agency_size", "officers_on_scene", "tags",
)


@dataclass(frozen=True)
class Term:
    """One allowed value: a permanent slug, a label for people, and a one-line description."""

    slug: str
    label: str
    description: str = ""
    parent: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    """A named list of terms, such as all event types."""

    name: str
    label: str
    description: str
    terms: tuple[Term, ...]
    by_slug: dict[str, Term] = field(repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.by_slug.update({term.slug: term for term in self.terms})

    @property
    def slugs(self) -> list[str]:
        return [term.slug for term in self.terms]

    def get(self, slug: str) -> Term | None:
        """The term for a slug; `unclassified` is always known."""
        if slug == UNCLASSIFIED and slug not in self.by_slug:
            return Term(UNCLASSIFIED, "Unclassified", "Not classified (imported data).")
        return self.by_slug.get(slug)

    def label_of(self, slug: str) -> str:
        term = self.get(slug)
        return term.label if term else slug

    def ancestors(self, slug: str) -> list[str]:
        """Parents of a term from nearest to farthest (a state's division, then its region)."""
        chain, term = [], self.by_slug.get(slug)
        while term is not None and term.parent and term.parent not in chain:
            chain.append(term.parent)
            term = self.by_slug.get(term.parent)
        return chain


@dataclass(frozen=True)
class Taxonomy:
    """Every vocabulary of one domain, with the version published in the data dictionary."""

    name: str
    title: str
    version: str
    vocabularies: dict[str, Vocabulary]
    path: str = ""

    def __getitem__(self, name: str) -> Vocabulary:
        return self.vocabularies[name]

    def label(self, vocabulary: str, slug: str) -> str:
        return self.vocabularies[vocabulary].label_of(slug)


def load_taxonomy(path: Path | str) -> Taxonomy:
    """Read and validate a taxonomy file; raise NearmissError listing every problem in it."""
    path = Path(path)
    data, lines = load_yaml(path)
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise NearmissError(Problem(str(path), 1, "taxonomy", "must be a mapping with 'vocabularies'"))
    raw_vocabularies = data.get("vocabularies")
    if not isinstance(raw_vocabularies, dict):
        raise NearmissError(Problem(str(path), lines.get("vocabularies", 1), "vocabularies", "must be a mapping"))
    vocabularies = {}
    for name, raw in raw_vocabularies.items():
        line = lines.get(f"vocabularies.{name}", 1)
        vocabulary = _vocabulary(str(name), raw, str(path), line, problems)
        if vocabulary is not None:
            vocabularies[str(name)] = vocabulary
    for name in REQUIRED_VOCABULARIES:
        if name not in raw_vocabularies:
            problems.append(Problem(str(path), lines.get("vocabularies", 1), f"vocabularies.{name}", "missing"))
    if problems:
        raise NearmissError(problems)
    return Taxonomy(
        name=str(data.get("name", path.stem)),
        title=str(data.get("title", data.get("name", path.stem))),
        version=str(data.get("version", "unversioned")),
        vocabularies=vocabularies,
        path=str(path),
    )


def _vocabulary(name: str, raw: object, path: str, line: int, problems: list[Problem]) -> Vocabulary | None:
    where = f"vocabularies.{name}"
    if not isinstance(raw, dict) or not isinstance(raw.get("terms"), list) or not raw["terms"]:
        problems.append(Problem(path, line, where, "needs a non-empty 'terms' list"))
        return None
    terms, seen = [], set()
    for index, item in enumerate(raw["terms"]):
        term_where = f"{where}.terms[{index}]"
        if not isinstance(item, dict) or "slug" not in item or "label" not in item:
            problems.append(Problem(path, line, term_where, "each term needs 'slug' and 'label'"))
            continue
        unknown = sorted(str(key) for key in item if key not in TERM_KEYS)
        if unknown:
            # Usually an unquoted comma in a flow mapping: {label: Environment, lighting or weather}
            problems.append(Problem(path, line, term_where, f"unknown key(s) {', '.join(unknown)}: quote values "
                                                            "that contain commas"))
        slug = str(item["slug"])
        if not SLUG.match(slug):
            problems.append(Problem(path, line, term_where, f'slug "{slug}" must match {SLUG.pattern}'))
        if slug in seen:
            problems.append(Problem(path, line, term_where, f'duplicate slug "{slug}"'))
        seen.add(slug)
        parent = item.get("parent")
        terms.append(Term(slug, str(item["label"]), str(item.get("description", "")), parent and str(parent)))
    for term in terms:
        if term.parent and term.parent not in seen:
            problems.append(Problem(path, line, where, f'"{term.slug}" has unknown parent "{term.parent}"'))
    return Vocabulary(name, str(raw.get("label", name)), str(raw.get("description", "")), tuple(terms))

"""Curated themes (`content/themes.yml`): editors name a theme and its seed phrases, and pin key reports; the
theme page lists the pinned reports, then every other report ranked by TF-IDF similarity to the seeds.

    themes:
      - slug: missed-weapons
        title: Missed weapons on searches
        description: Weapons found late, after a pat-down or search had "cleared" the person or car.
        seeds: [missed weapon, pat-down, frisk, hidden knife, search incident to arrest]
        pinned: [NM-2025-0009]
        min_score: 0.1   # optional, overrides the default threshold
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from generator.analysis.options import AnalysisOptions
from generator.analysis.terms import analyse, transform_terms
from generator.analysis.text import sentences, shorten
from generator.errors import NearmissError, Problem
from generator.schema import FIELDS_BY_NAME
from generator.taxonomy import SLUG
from generator.yamlio import load_yaml

THEMES_FILE = "themes.yml"
EXCERPT_LENGTH = 160
FACET_VOCABULARIES = ("event_type", "contributing_factors", "loss_potential", "what_prevented_harm")
# Theme pages live at themes/<slug>/, beside the facet folders and pagination; a theme may not take their names.
RESERVED_SLUGS = frozenset(name.replace("_", "-") for name in FACET_VOCABULARIES) | {"index"}


@dataclass(frozen=True)
class Theme:
    """One curated theme as written by editors."""

    slug: str
    title: str
    description: str
    seeds: tuple[str, ...]
    pinned: tuple[str, ...] = ()
    min_score: float | None = None


@dataclass(frozen=True)
class ThemeEntry:
    """A report on a theme page: pinned (score None) or ranked, with a one-line excerpt."""

    id: str
    score: float | None
    excerpt: str


@dataclass(frozen=True)
class ThemeResult:
    theme: Theme
    entries: tuple[ThemeEntry, ...]


def load_themes(content_dir: Path | str, known_ids: set[str] | None = None) -> list[Theme]:
    """The curated themes of a content directory ([] without themes.yml); raise NearmissError listing every
    problem (file, line, field)."""
    path = Path(content_dir) / THEMES_FILE
    if not path.is_file():
        return []
    data, lines = load_yaml(path)
    raw = data.get("themes") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise NearmissError(Problem(str(path), lines.get("themes", 1), "themes", "must be a list of themes"))
    starts = _item_lines(path.read_text(encoding="utf-8"))
    themes, problems, seen = [], [], set()
    for index, item in enumerate(raw):
        where, line = f"themes[{index}]", starts[index] if index < len(starts) else lines.get("themes", 1)
        try:
            theme = _theme(item, known_ids)
        except ValueError as error:
            problems.append(Problem(str(path), line, where, str(error)))
            continue
        if theme.slug in seen:
            problems.append(Problem(str(path), line, where, f'duplicate slug "{theme.slug}"'))
        seen.add(theme.slug)
        themes.append(theme)
    if problems:
        raise NearmissError(problems)
    return themes


def _item_lines(text: str) -> list[int]:
    """Line numbers of the items of the top-level `themes:` list (a line scan: good enough to point at one)."""
    starts, indent = [], None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("- ") or stripped == "-":
            width = len(line) - len(stripped)
            indent = width if indent is None else indent
            if width == indent:
                starts.append(number)
    return starts


def _theme(item: object, known_ids: set[str] | None) -> Theme:
    if not isinstance(item, dict):
        raise ValueError("each theme is a mapping with slug, title, description and seeds")
    unknown = sorted(set(map(str, item)) - {"slug", "title", "description", "seeds", "pinned", "min_score"})
    if unknown:
        raise ValueError(f"unknown key(s): {', '.join(unknown)}")
    slug = str(item.get("slug", ""))
    if not SLUG.match(slug) or slug != slug.lower():
        raise ValueError(f'slug "{slug}" must be lowercase letters, digits and hyphens')
    if slug in RESERVED_SLUGS:
        raise ValueError(f'slug "{slug}" is taken by the facet pages (themes/{slug}/)')
    for key in ("title", "description"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise ValueError(f"{key} must be non-empty text")
    seeds = item.get("seeds")
    if not isinstance(seeds, list) or not seeds or not all(isinstance(seed, str) for seed in seeds):
        raise ValueError("seeds must be a non-empty list of phrases")
    pinned = item.get("pinned", [])
    # YAML reads an all-digit ID as a number; report IDs are strings.
    if not isinstance(pinned, list) or not all(isinstance(entry, (str, int)) and not isinstance(entry, bool)
                                               for entry in pinned):
        raise ValueError("pinned must be a list of report IDs")
    pinned = [str(entry) for entry in pinned]
    missing = [entry for entry in pinned if known_ids is not None and entry not in known_ids]
    if missing:
        raise ValueError(f"pinned report(s) not found: {', '.join(missing)}")
    min_score = item.get("min_score")
    if min_score is not None and (isinstance(min_score, bool) or not isinstance(min_score, (int, float))):
        raise ValueError("min_score must be a number")
    title_limit = FIELDS_BY_NAME["title"].max_length
    if len(item["title"]) > title_limit:
        raise ValueError(f"title is longer than {title_limit} characters")
    return Theme(slug, " ".join(item["title"].split()), " ".join(item["description"].split()),
                 tuple(seeds), tuple(pinned), None if min_score is None else float(min_score))


def rank_themes(themes: list[Theme], analysis, options: AnalysisOptions) -> list[ThemeResult]:
    """Every theme's pinned reports (public ones, in the given order), then the ranked others."""
    return [rank_theme(theme, analysis, options) for theme in themes]


def rank_theme(theme: Theme, analysis, options: AnalysisOptions) -> ThemeResult:
    model = analysis.model
    query = transform_terms([" ".join((theme.title,) + theme.seeds)], model.terms, model.idf, model.term_index)
    weights = {analysis.model.terms[column]: float(value) for column, value in zip(query.indices, query.data)}
    scores = np.round(np.asarray((analysis.vectors.tfidf @ query.T).todense(), dtype=np.float64).ravel(), 6)
    documents = analysis.documents
    pinned = [analysis.row_of(report_id) for report_id in theme.pinned]
    pinned = [row for row in dict.fromkeys(pinned) if row is not None]
    threshold = options.theme_min_score if theme.min_score is None else theme.min_score
    listed = set(pinned)
    order = np.lexsort((np.arange(len(scores)), -scores))  # best first, ties by ID
    ranked = [row for row in order if scores[row] > 0 and scores[row] >= threshold and row not in listed]
    ranked = ranked[: options.theme_limit]
    entries = [ThemeEntry(documents[row].id, None, excerpt(documents[row], weights)) for row in pinned]
    entries += [ThemeEntry(documents[row].id, round(float(scores[row]), 4), excerpt(documents[row], weights))
                for row in ranked]
    return ThemeResult(theme, tuple(entries))


def excerpt(document, weights: dict[str, float]) -> str:
    """The sentence of the report that weighs most for the theme (its summary if none matches), on one line."""
    best, best_weight = document.summary, 0.0
    for sentence in sentences(document.body):
        weight = sum(weights.get(term, 0.0) for term in set(analyse(sentence)))
        if weight > best_weight:
            best, best_weight = sentence, weight
    return shorten(best, EXCERPT_LENGTH)

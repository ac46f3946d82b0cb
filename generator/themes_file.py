"""Curated themes as editors write them (`themes.yml`): reading and validating the file.

Kept apart from the ranking (generator.analysis.themes) so that `nearmiss check` can validate the file without
loading scikit-learn.

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

from generator.errors import NearmissError, Problem
from generator.schema import FIELDS_BY_NAME
from generator.taxonomy import SLUG
from generator.yamlio import item_lines, load_yaml

THEMES_FILE = "themes.yml"
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
    starts = item_lines(path.read_text(encoding="utf-8"), "themes")
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

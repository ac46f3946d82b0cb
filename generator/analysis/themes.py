"""Ranking curated themes: each theme page lists its pinned reports, then every other report ranked by TF-IDF
similarity to the theme's seed phrases. The file format is read by generator.themes_file."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from generator.analysis.options import AnalysisOptions
from generator.analysis.terms import analyse, transform_terms
from generator.analysis.text import sentences, shorten
from generator.themes_file import (  # noqa: F401 - re-exported: the file format lives in generator.themes_file
    FACET_VOCABULARIES, RESERVED_SLUGS, THEMES_FILE, Theme, load_themes,
)

EXCERPT_LENGTH = 160


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

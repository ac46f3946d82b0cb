"""Related reports: the k best neighbours of each report with the reason they are related.

Links are kept as a table of arrays (what the cache stores, and what an incremental run patches); `Link`
objects are made from it for pages and JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from generator.analysis.model import Model, Vectors
from generator.analysis.reasons import MAX_TERMS, shared_terms
from generator.analysis.text import Document
from generator.analysis.topk import Neighbours

SCORE_DECIMALS = 4  # what is shown and exported; ranking uses the 6-decimal exact score


class Link(NamedTuple):
    """One related report: its ID, the blended score, and the shared terms and facets ("vocabulary:slug").
    (A named tuple: a build makes one per link, 150,000 at 30,000 reports, and tuples are quick to make.)"""

    id: str
    score: float
    terms: tuple[str, ...]
    facets: tuple[str, ...]

    def as_json(self) -> dict:
        return {"id": self.id, "score": self.score, "terms": list(self.terms), "facets": list(self.facets)}


Related = dict[str, list[Link]]


@dataclass
class LinkTable:
    """Every link as arrays: the links of row r are positions offsets[r]:offsets[r + 1], best first."""

    offsets: np.ndarray  # int64, N + 1
    target: np.ndarray   # int32 row of the related report
    score: np.ndarray    # float64 exact score
    terms: np.ndarray    # int32 (links x MAX_TERMS) term indices, -1 where fewer terms are shared

    def sources(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.offsets) - 1), np.diff(self.offsets))


def link_table(neighbours: Neighbours, k: int) -> LinkTable:
    """The first k neighbours of every row, without reasons yet."""
    counts = np.minimum(neighbours.length, k)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    taken = np.arange(neighbours.index.shape[1])[None, :] < counts[:, None]
    target = neighbours.index[taken].astype(np.int32)  # row-major: each row's links in order
    score = neighbours.score[taken].astype(np.float64)
    return LinkTable(offsets, target, score, np.full((len(target), MAX_TERMS), -1, dtype=np.int32))


def fill_terms(table: LinkTable, vectors: Vectors, model: Model, known: LinkTable | None = None,
               old_row: np.ndarray | None = None) -> None:
    """Compute the shared terms of every link, copying them from `known` (an older table) for links between
    two reports that did not change; `old_row[r]` is row r's row in the older table, or -1 if it changed."""
    missing = np.ones(len(table.target), dtype=bool)
    if known is not None and old_row is not None and len(known.target):
        source = table.sources()
        old_source, old_target = old_row[source], old_row[table.target]
        width = np.int64(max(len(known.offsets) - 1, 1))
        old_keys = known.sources().astype(np.int64) * width + known.target
        order = np.argsort(old_keys, kind="stable")
        wanted = old_source.astype(np.int64) * width + old_target
        found = np.minimum(np.searchsorted(old_keys[order], wanted), len(order) - 1)
        hit = (old_source >= 0) & (old_target >= 0) & (old_keys[order][found] == wanted)
        table.terms[hit] = known.terms[order[found[hit]]]
        missing = ~hit
    rows = np.flatnonzero(missing)
    table.terms[rows] = shared_terms(vectors.tfidf, model.terms, table.sources()[rows], table.target[rows])


def related_links(table: LinkTable, documents: list[Document], model: Model) -> Related:
    """`Link` objects for every document (an empty list where nothing is related enough)."""
    terms = model.terms
    targets, term_rows = table.target.tolist(), table.terms.tolist()
    scores = np.round(table.score, SCORE_DECIMALS).tolist()
    offsets = table.offsets.tolist()
    facet_sets = [frozenset(document.facets) for document in documents]
    related: Related = {}
    for row, document in enumerate(documents):
        links = []
        for position in range(offsets[row], offsets[row + 1]):
            other = targets[position]
            shared = tuple(key for key in document.facets if key in facet_sets[other]) if document.facets else ()
            links.append(Link(documents[other].id, scores[position],
                              tuple([terms[i] for i in term_rows[position] if i >= 0]), shared))
        related[document.id] = links
    return related


def related_json(related: Related) -> dict:
    """The `nearmiss related --json` object: every report ID mapped to its links, best first."""
    return {report_id: [link.as_json() for link in links] for report_id, links in related.items()}

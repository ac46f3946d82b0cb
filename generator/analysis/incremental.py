"""Update related reports after a few reports changed, reusing the fitted model and every unchanged row.

With the model frozen, the vector of an unchanged report is unchanged, and so is the score of every pair of
unchanged reports. A report's neighbour list can then only change through the changed reports: those that left
(or changed) are dropped from it, and those that arrived (or changed) are scored against it and merged in.
Lists keep `k + buffer` entries, so a few departures are absorbed; a list that falls below k, or whose order
can no longer be proven, is recomputed. The result equals a full computation with the same model (tested).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from generator.analysis.model import Model, Vectors, transform, weighted_sparse
from generator.analysis.options import AnalysisOptions
from generator.analysis.related import LinkTable
from generator.analysis.text import Document
from generator.analysis.topk import BLOCK_CELLS, MARGIN, Neighbours, Scorer, top_neighbours


@dataclass
class Snapshot:
    """The state one analysis leaves behind for the next one (what the cache stores)."""

    model: Model
    ids: list[str]
    fingerprints: list[str]
    vectors: Vectors
    neighbours: Neighbours
    links: LinkTable


@dataclass
class _Lists:
    """Neighbour lists being updated. For each incomplete list, its bound: the (score, snapshot row) of its last
    entry in the snapshot, which every unlisted report ranks after. `shrunk`: rows that lost entries."""

    neighbours: Neighbours
    bound_score: np.ndarray
    bound_row: np.ndarray
    shrunk: np.ndarray


def changed_documents(previous: Snapshot, documents: list[Document]) -> list[int]:
    """Rows of `documents` that are new or whose text or facets changed since the snapshot."""
    known = dict(zip(previous.ids, previous.fingerprints))
    return [row for row, document in enumerate(documents) if known.get(document.id) != document.fingerprint]


def update(previous: Snapshot, documents: list[Document], changed: list[int],
           options: AnalysisOptions) -> tuple[Vectors, Neighbours, np.ndarray]:
    """Vectors and neighbour lists for `documents`, reusing the snapshot; `changed` are the rows of documents
    that are new or changed (see `changed_documents`). Also returns each row's row in the snapshot (-1 for
    changed rows)."""
    changed = np.array(changed, dtype=np.int64)
    vectors, old_row = _assemble(previous, documents, changed, options)
    scorer = Scorer(vectors)
    lists = _carry_over(previous, old_row, options.keep)
    stale = _merge_changed(scorer, changed, documents, previous.ids, lists, options)
    redo = np.array(sorted(set(changed.tolist()) | stale), dtype=np.int64)
    fresh = top_neighbours(scorer, redo, options.keep, options.min_score)
    for position, row in enumerate(redo):
        lists.neighbours.set_row(row, *fresh.row(position), fresh.complete[position])
    return vectors, lists.neighbours, old_row


def _assemble(previous: Snapshot, documents: list[Document], changed: np.ndarray,
              options: AnalysisOptions) -> tuple[Vectors, np.ndarray]:
    """New vectors: old rows for unchanged documents, freshly transformed rows for changed ones."""
    position = {report_id: row for row, report_id in enumerate(previous.ids)}
    old_row = np.array([position.get(document.id, -1) for document in documents], dtype=np.int64)
    old_row[changed] = -1
    fresh = transform(previous.model, [documents[row] for row in changed], options)
    source = old_row.copy()
    source[changed] = len(previous.ids) + np.arange(len(changed))
    tfidf = sp.vstack([previous.vectors.tfidf, fresh.tfidf], format="csr")[source]
    tfidf.sort_indices()
    dense = np.vstack([previous.vectors.dense, fresh.dense])[source]
    return Vectors(tfidf, dense, weighted_sparse(previous.model, tfidf, options)), old_row


def _carry_over(previous: Snapshot, old_row: np.ndarray, keep: int) -> _Lists:
    """Old lists in new row numbers, without the entries whose report left or changed (vectorised: this runs
    over every row)."""
    old = previous.neighbours
    new_row = np.full(len(previous.ids), -1, dtype=np.int64)
    kept = np.flatnonzero(old_row >= 0)
    new_row[old_row[kept]] = kept
    source = old_row[kept]
    index = old.index[source]
    mapped = np.where(index >= 0, new_row[np.maximum(index, 0)], -1)
    alive = mapped >= 0
    order = np.argsort(~alive, axis=1, kind="stable")  # survivors first, in their order
    lists = _Lists(Neighbours.empty(len(old_row), keep), np.zeros(len(old_row)),
                   np.full(len(old_row), -1, dtype=np.int64), np.zeros(len(old_row), dtype=bool))
    lists.neighbours.index[kept] = np.take_along_axis(mapped, order, axis=1)
    lists.neighbours.score[kept] = np.where(np.take_along_axis(alive, order, axis=1),
                                            np.take_along_axis(old.score[source], order, axis=1), 0.0)
    lists.neighbours.length[kept] = alive.sum(axis=1)
    lists.neighbours.complete[kept] = old.complete[source]
    lists.neighbours.complete[old_row < 0] = False
    last = np.maximum(old.length[source] - 1, 0)
    lists.bound_score[kept] = old.score[source, last]
    lists.bound_row[kept] = np.where(old.length[source] > 0, old.index[source, last], -1)
    lists.shrunk[kept] = alive.sum(axis=1) < old.length[source]
    return lists


def _merge_changed(scorer: Scorer, changed: np.ndarray, documents: list[Document], old_ids: list[str],
                   lists: _Lists, options: AnalysisOptions) -> set[int]:
    """Merge changed reports into the lists of unchanged ones; return rows that must be recomputed."""
    candidates = _candidates(scorer, changed, lists, options)
    stale = set()
    for row in sorted(set(candidates) | set(np.flatnonzero(lists.shrunk).tolist())):
        if not _merge_row(row, candidates.get(row, []), documents, old_ids, lists, options):
            stale.add(row)
    return stale


def _candidates(scorer: Scorer, changed: np.ndarray, lists: _Lists,
                options: AnalysisOptions) -> dict[int, list[tuple[float, int]]]:
    """Exact scores of (unchanged row, changed report) pairs that could enter the row's list."""
    complete = lists.neighbours.complete
    bar = np.where(complete, options.min_score, np.maximum(lists.bound_score, options.min_score))
    found: dict[int, list[tuple[float, int]]] = {}
    size = max(1, BLOCK_CELLS // max(1, scorer.size))
    for start in range(0, len(changed), size):
        rows = changed[start:start + size]
        block, product = scorer.block(rows)
        block[:, changed] = -np.inf  # changed rows get a full computation anyway
        local, columns = np.nonzero(block >= (bar - MARGIN)[None, :])
        exact = scorer.exact(rows[local], columns, product, local)
        for column, other, value in zip(columns.tolist(), rows[local].tolist(), exact.tolist()):
            if value >= options.min_score:
                found.setdefault(column, []).append((value, other))
    return found


def _merge_row(row: int, found: list[tuple[float, int]], documents: list[Document], old_ids: list[str],
               lists: _Lists, options: AnalysisOptions) -> bool:
    """Merge one row in place; False when its list can no longer be proven to hold the top k."""
    index, score = lists.neighbours.row(row)
    entries = [(-value, documents[other].id, other) for other, value in zip(index.tolist(), score.tolist())]
    arriving = [(-value, documents[other].id, other) for value, other in found]
    complete = bool(lists.neighbours.complete[row])
    if not complete:  # only arrivals that rank before the bound are known to beat every unlisted report
        bound = (-float(lists.bound_score[row]), old_ids[lists.bound_row[row]])
        arriving = [entry for entry in arriving if entry[:2] <= bound]
    entries = sorted(entries + arriving)
    still_complete = complete and len(entries) <= options.keep
    entries = entries[: options.keep]
    if not still_complete and len(entries) < options.k:
        return False
    lists.neighbours.set_row(row, [other for _, _, other in entries], [-value for value, _, _ in entries],
                             still_complete)
    return True

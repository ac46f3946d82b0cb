"""Exact top-k neighbours under the blended score, computed in row chunks: memory is O(chunk x N), never N x N.

For each chunk of rows, a fast float32 score block (dense matmul plus the sparse TF-IDF product) gives a lower
bound on each row's k-th best score (from an evenly spaced sample of columns); only the columns above it are
candidates. Candidates are rescored exactly in float64 with an element-wise dot product whose result does not
depend on the chunking, rounded to 6 decimals, and ordered by (score descending, ID ascending). So the result is
the same as a dense reference, whatever the chunk size, thread count or incremental path.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

try:  # adds a CSR matrix into a dense array in place; private, so there is a fallback
    from scipy.sparse._sparsetools import csr_todense as _csr_todense
except ImportError:  # pragma: no cover
    _csr_todense = None

from generator.analysis.model import Vectors

DECIMALS = 6
MARGIN = 1e-4          # float32 block error is below 1e-5; candidates within the margin are rescored exactly
BLOCK_CELLS = 1 << 24  # cells per chunk (64 MB of float32): bounds memory at any corpus size
SAMPLE_COLUMNS = 8192
WORKERS = 2


@dataclass
class Neighbours:
    """The best neighbours of some rows, best first: row r's are index[r, :length[r]] with their scores
    (padded with -1 and 0 up to the `keep` columns).

    `complete[r]` says that every document scoring at least the minimum is listed; otherwise the list is the
    exact top of its length and every unlisted document ranks after its last entry.
    """

    index: np.ndarray     # int32 (rows x keep)
    score: np.ndarray     # float64 (rows x keep)
    length: np.ndarray    # int64 per row
    complete: np.ndarray  # bool per row

    def row(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        return self.index[row, : self.length[row]], self.score[row, : self.length[row]]

    @classmethod
    def empty(cls, rows: int, keep: int) -> Neighbours:
        return cls(np.full((rows, keep), -1, dtype=np.int32), np.zeros((rows, keep)), np.zeros(rows, dtype=np.int64),
                   np.ones(rows, dtype=bool))

    def set_row(self, row: int, index, score, complete: bool) -> None:
        count = len(index)
        self.index[row], self.score[row] = -1, 0.0
        self.index[row, :count], self.score[row, :count] = index, score
        self.length[row], self.complete[row] = count, complete


class Scorer:
    """Blended scores between documents, exact and reproducible."""

    def __init__(self, vectors: Vectors) -> None:
        self.dense = vectors.dense
        self.dense32 = vectors.dense.astype(np.float32)
        self.sparse = vectors.sparse
        self.sparse_t = vectors.sparse.T.tocsr()
        self.sparse_t.sort_indices()
        self.size = len(vectors)

    def block(self, rows: np.ndarray) -> tuple[np.ndarray, sp.csr_matrix]:
        """Approximate float32 scores of `rows` against every document, and their exact sparse part."""
        block = self.dense32[rows] @ self.dense32.T
        product = (self.sparse[rows] @ self.sparse_t).tocsr()
        product.sort_indices()  # the product comes unsorted; `_sparse_values` searches it
        _add_sparse(block, product)
        return block, product

    def exact(self, rows: np.ndarray, columns: np.ndarray, product: sp.csr_matrix, local: np.ndarray) -> np.ndarray:
        """Exact scores of pairs (rows[i], columns[i]); `product` holds the sparse part at (local[i], columns[i])."""
        dense = np.einsum("ij,ij->i", self.dense[rows], self.dense[columns])
        # The sparse product sums the same float32 terms in the same order for (i, j) and (j, i).
        return np.round(dense + _sparse_values(product, local, columns), DECIMALS)


def _add_sparse(block: np.ndarray, product: sp.csr_matrix) -> None:
    """block += product, in place, without a dense temporary (block is C-contiguous float32)."""
    if _csr_todense is not None:
        _csr_todense(product.shape[0], product.shape[1], product.indptr, product.indices, product.data, block)
    else:  # pragma: no cover - scipy without the internal routine
        rows = np.repeat(np.arange(product.shape[0]), np.diff(product.indptr))
        block[rows, product.indices] += product.data


def _sparse_values(product: sp.csr_matrix, local: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """product[local[i], columns[i]] for each i (0 where absent), by binary search over its sorted entries."""
    if product.nnz == 0 or len(local) == 0:
        return np.zeros(len(local))
    width = np.int64(product.shape[1])
    keys = np.repeat(np.arange(product.shape[0], dtype=np.int64), np.diff(product.indptr)) * width + product.indices
    wanted = local.astype(np.int64) * width + columns
    found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    return np.where(keys[found] == wanted, product.data[found].astype(np.float64), 0.0)


def top_neighbours(scorer: Scorer, rows: np.ndarray, keep: int, min_score: float) -> Neighbours:
    """The `keep` best other documents for each of `rows`, with score >= min_score."""
    rows = np.asarray(rows, dtype=np.int64)
    size = max(16, min(1024, BLOCK_CELLS // max(1, scorer.size)))
    chunks = [rows[start:start + size] for start in range(0, len(rows), size)]
    work = lambda chunk: _chunk(scorer, chunk, keep, min_score)
    if len(chunks) > 1:
        # One BLAS thread per worker: two workers on two cores beat one worker with two BLAS threads, because
        # the sparse product and the selection are single-threaded.
        with threadpool_limits(1), ThreadPoolExecutor(WORKERS) as pool:
            results = list(pool.map(work, chunks))
    else:
        results = [work(chunk) for chunk in chunks]
    if not results:
        return Neighbours.empty(0, keep)
    return Neighbours(*(np.concatenate([getattr(r, name) for r in results])
                        for name in ("index", "score", "length", "complete")))


def _chunk(scorer: Scorer, rows: np.ndarray, keep: int, min_score: float) -> Neighbours:
    block, product = scorer.block(rows)
    local_rows = np.arange(len(rows))
    block[local_rows, rows] = -np.inf  # a report is not related to itself
    threshold = np.maximum(_lower_bound(block, keep), min_score) - MARGIN
    flat = np.flatnonzero(block >= threshold[:, None])
    local, columns = np.divmod(flat, scorer.size)
    local, columns = _near_top(local, columns, block.ravel()[flat], keep)
    scores = scorer.exact(rows[local], columns, product, local)
    chosen = scores >= min_score
    local, columns, scores = local[chosen], columns[chosen], scores[chosen]
    order = np.lexsort((columns, -scores, local))
    local, columns, scores = local[order], columns[order], scores[order]
    rank = np.arange(len(local)) - np.searchsorted(local, local)  # position within its row
    kept = rank < keep
    found = Neighbours.empty(len(rows), keep)
    found.index[local[kept], rank[kept]] = columns[kept]
    found.score[local[kept], rank[kept]] = scores[kept]
    found.length = np.bincount(local[kept], minlength=len(rows)).astype(np.int64)
    found.complete = found.length < keep
    return found


def _near_top(local: np.ndarray, columns: np.ndarray, approximate: np.ndarray, keep: int):
    """Candidates whose approximate score is within the margin of their row's keep-th best approximate score:
    only these can be in the exact top `keep`, so only these are rescored."""
    order = np.lexsort((-approximate, local))
    local, columns, approximate = local[order], columns[order], approximate[order]
    bounds = np.searchsorted(local, np.arange(local[-1] + 2 if len(local) else 1))
    cutoff_at = np.minimum(bounds[local] + keep - 1, bounds[local + 1] - 1)
    near = approximate >= approximate[cutoff_at] - MARGIN
    return local[near], columns[near]


def _lower_bound(block: np.ndarray, keep: int) -> np.ndarray:
    """Per row, a score that at least `keep` other documents reach: the keep-th best of a column sample."""
    columns = block.shape[1]
    step = max(1, columns // SAMPLE_COLUMNS)
    sample = block[:, ::step]
    if sample.shape[1] <= keep:  # too few columns to bound anything: take every candidate
        return np.full(block.shape[0], -np.inf)
    return np.partition(sample, -keep, axis=1)[:, -keep]


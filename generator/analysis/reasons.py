"""Why two reports are related: the distinctive terms they share and the facets they have in common."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


MAX_TERMS = 3
# Words too vague to explain a link on their own ("tried", "open"); they still count for similarity.
VAGUE_WORDS = frozenset("""
    able actually added away came come coming did does doing end got going held holding large left let long
    looked looking lot made make making moved need needed open outside put really right said saw second seemed set
    started stayed sure taken talking thing things think thought time told took tried turned used using want wanted
    way went having just late later like little took
""".split())
# Entries of a pair's shared-term list looked at before giving up on finding MAX_TERMS non-overlapping terms.
LOOK_AHEAD = 12


def shared_terms(tfidf: sp.csr_matrix, terms: list[str], left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """For each pair (left[i], right[i]), up to three shared terms, most distinctive first, as term indices
    (-1 where fewer are shared).

    A term's weight for a pair is the product of its TF-IDF weights in both reports (rare words used by both
    weigh most). A term that shares a word with one already chosen is skipped ("fence line" makes "fence"
    redundant), and so is a term made only of vague words. Ties go to the alphabetically first term.
    """
    chosen = np.full((len(left), MAX_TERMS), -1, dtype=np.int32)
    if len(left) == 0:
        return chosen
    product = tfidf[left].multiply(tfidf[right]).tocsr()
    product.eliminate_zeros()
    rows = np.repeat(np.arange(len(left)), np.diff(product.indptr))
    order = np.lexsort((product.indices, -product.data, rows))
    indices, rows = product.indices[order], rows[order]
    bounds = np.searchsorted(rows, np.arange(len(left) + 1)).tolist()
    indices = indices.tolist()
    parts: dict[int, frozenset[str]] = {}
    for pair, (start, end) in enumerate(zip(bounds[:-1], bounds[1:])):
        picked = _pick(terms, indices[start:min(end, start + LOOK_AHEAD)], parts)
        chosen[pair, :len(picked)] = picked
    return chosen


def _pick(terms: list[str], candidates: list[int], parts: dict[int, frozenset[str]]) -> list[int]:
    chosen: list[int] = []
    words: set[str] = set()
    for index in candidates:
        found = parts.get(index)
        if found is None:
            words_of_term = terms[index].split()
            vague = all(word in VAGUE_WORDS for word in words_of_term)
            found = parts[index] = frozenset() if vague else frozenset(stem(word) for word in words_of_term)
        if not found or found & words:
            continue
        chosen.append(index)
        words |= found
        if len(chosen) == MAX_TERMS:
            break
    return chosen


def stem(word: str) -> str:
    """A crude stem, only for spotting overlap: "chase" and "chased", "vehicle" and "vehicles" say one thing."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word

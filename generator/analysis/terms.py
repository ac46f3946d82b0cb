"""TF-IDF with scikit-learn: word 1-2 grams, sublinear term frequency, English stop words plus report boilerplate.

The fitted state is plain arrays (the vocabulary and its IDF weights) so that the cache can store it without
pickle, and documents that change later are transformed with exactly the same weights.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer, TfidfTransformer

from generator.analysis.text import BOILERPLATE_WORDS, TOKEN_PATTERN

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS | BOILERPLATE_WORDS)
_TOKEN = re.compile(TOKEN_PATTERN)
# Above this many reports a term must occur twice: a term in one report cannot be shared, and single-use
# bigrams would otherwise make most of the vocabulary.
MIN_DF_FROM = 5000
MAX_DF = 0.5


def analyse(text: str) -> list[str]:
    """Words and two-word phrases of a text, without stop words.

    Unlike scikit-learn's built-in analyser, a phrase is only formed from two words that are next to each other
    in the text: "the fence line" gives "fence line", but "time was determined" does not give "time determined".
    """
    kept = [token if len(token) > 1 and token not in STOP_WORDS else "" for token in _TOKEN.findall(text.lower())]
    words = [token for token in kept if token]
    return words + [f"{a} {b}" for a, b in zip(kept, kept[1:]) if a and b]


def _counter(**settings) -> CountVectorizer:
    return CountVectorizer(analyzer=analyse, dtype=np.float32, **settings)


def fit_terms(texts: list[str]) -> tuple[list[str], np.ndarray, sp.csr_matrix]:
    """Fit the vocabulary and IDF on `texts`; return (terms, idf, TF-IDF rows)."""
    min_df = 2 if len(texts) >= MIN_DF_FROM else 1
    max_df = MAX_DF if len(texts) >= 10 else 1.0  # in a handful of reports every word is "common"
    counter = _counter(min_df=min_df, max_df=max_df)
    try:
        counts = counter.fit_transform(texts)
    except ValueError:  # no term at all (empty corpus, or only stop words)
        return [], np.zeros(0, np.float32), sp.csr_matrix((len(texts), 0), dtype=np.float32)
    terms = counter.get_feature_names_out().tolist()
    transformer = TfidfTransformer(sublinear_tf=True).fit(counts)
    idf = transformer.idf_.astype(np.float32)
    return terms, idf, _tfidf(counts, idf)


def transform_terms(texts: list[str], terms: list[str], idf: np.ndarray,
                    index: dict[str, int] | None = None) -> sp.csr_matrix:
    """TF-IDF rows of `texts` with a fitted vocabulary (`index`: term -> column, built from `terms` if not
    given); unknown words are ignored. Counts exactly as the fit does, so a report transformed later gets the
    same row it would have had in the fit."""
    index = index if index is not None else {term: column for column, term in enumerate(terms)}
    indptr, indices, data = [0], [], []
    for text in texts:
        counts = Counter(column for column in map(index.get, analyse(text)) if column is not None)
        indices += counts.keys()
        data += counts.values()
        indptr.append(len(indices))
    counts = sp.csr_matrix((np.array(data, dtype=np.float32), np.array(indices, dtype=np.int32), indptr),
                           shape=(len(texts), len(terms)))
    counts.sort_indices()
    return _tfidf(counts, idf)


def _tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    transformer = TfidfTransformer(sublinear_tf=True)
    transformer.idf_ = idf.astype(np.float64)
    rows = transformer.transform(counts).astype(np.float32).tocsr()
    rows.sort_indices()  # the exact sparse product relies on sorted indices for symmetric sums
    return rows


def document_frequency(rows: sp.csr_matrix) -> np.ndarray:
    """How many rows contain each term."""
    return np.bincount(rows.indices, minlength=rows.shape[1]).astype(np.int64)


def light_terms(df: np.ndarray, budget: int) -> np.ndarray:
    """Terms whose exact pairwise product fits in the budget: every term up to the largest frequency for which
    the sum of squared frequencies stays within `budget`.

    The exact product costs the sum over terms of df squared, dominated by a few hundred very common terms
    ("employee" in 7,000 of 30,000 reports). Those are left to the latent-semantic part; on SAFENET and ASRS this
    changes precision@5 by less than 0.001 (docs-dev/related.md). Small corpora keep every term.
    """
    if df.size == 0:
        return np.zeros(0, dtype=bool)
    order = np.sort(df)
    within = np.cumsum(order * order) <= budget
    cap = order[within][-1] if within.any() else 0
    return df <= cap

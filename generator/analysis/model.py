"""The fitted model (vocabulary, IDF, latent space, facet index) and the vectors it gives each document.

Scores are blended as  tfidf_weight * cos(TF-IDF) + lsa_weight * cos(LSA) + facet_weight * cos(facets).
Both cosine parts that are dense (LSA and facets) are folded into one matrix E with square-root weights, so
E[i] . E[j] is their weighted sum; the TF-IDF part is the sparse matrix H, likewise weighted. A pair's score is
then E[i] . E[j] + H[i] . H[j], which the chunked top-k computes without an N x N matrix.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.sparse as sp
from sklearn.utils.extmath import randomized_svd

from generator.analysis.options import AnalysisOptions
from generator.analysis.terms import document_frequency, fit_terms, light_terms, transform_terms
from generator.analysis.text import RELATED_FACETS, Document

SEED = 0  # the randomized SVD is deterministic with a fixed seed


@dataclass
class Model:
    """Everything fitted on the corpus; documents that change later are transformed with it unchanged."""

    terms: list[str]
    idf: np.ndarray            # float32 per term
    light: np.ndarray          # bool per term: used in the exact TF-IDF product
    lsa_columns: np.ndarray    # int32 term indices the latent space is built on
    components: np.ndarray     # float32 (dimensions x len(lsa_columns))
    facet_keys: list[str]      # "vocabulary:slug" columns of the facet part

    @cached_property
    def term_index(self) -> dict[str, int]:
        """Term -> column, built once per model (transforming a few changed reports should not rebuild it)."""
        return {term: column for column, term in enumerate(self.terms)}


@dataclass
class Vectors:
    """Per-document vectors, rows in document (ID) order."""

    tfidf: sp.csr_matrix       # N x terms, L2-normalised: reasons and themes
    dense: np.ndarray          # N x (dimensions + facets), float64, weighted: E
    sparse: sp.csr_matrix      # N x terms, weighted light terms only: H

    def __len__(self) -> int:
        return self.dense.shape[0]


def taxonomy_facet_keys(taxonomy) -> list[str]:
    """Facet columns: every term of the related vocabularies (fixed by the taxonomy, so a new report never
    adds a column)."""
    return [f"{name}:{slug}" for name in RELATED_FACETS for slug in taxonomy[name].slugs]


def fit(documents: list[Document], facet_keys: list[str], options: AnalysisOptions) -> tuple[Model, Vectors]:
    """Fit the model on the documents and return it with their vectors."""
    terms, idf, tfidf = fit_terms([document.text for document in documents])
    light = light_terms(document_frequency(tfidf), options.pair_budget)
    columns, components = _fit_lsa(tfidf, options)
    model = Model(terms, idf, light, columns, components, list(facet_keys))
    return model, vectors_from_tfidf(model, tfidf, documents, options)


def transform(model: Model, documents: list[Document], options: AnalysisOptions) -> Vectors:
    """Vectors of documents under an existing model."""
    tfidf = transform_terms([document.text for document in documents], model.terms, model.idf, model.term_index)
    return vectors_from_tfidf(model, tfidf, documents, options)


def vectors_from_tfidf(model: Model, tfidf: sp.csr_matrix, documents: list[Document],
                       options: AnalysisOptions) -> Vectors:
    latent = _normalise(_project(model, tfidf))
    facets = _normalise(_facet_matrix(model.facet_keys, documents))
    dense = np.hstack([np.sqrt(options.lsa_weight) * latent, np.sqrt(options.facet_weight) * facets])
    return Vectors(tfidf, np.ascontiguousarray(dense, dtype=np.float64), weighted_sparse(model, tfidf, options))


def weighted_sparse(model: Model, tfidf: sp.csr_matrix, options: AnalysisOptions) -> sp.csr_matrix:
    """H: the TF-IDF rows restricted to light terms, scaled by the square root of the TF-IDF weight."""
    light = sp.diags(model.light.astype(np.float32) * np.float32(np.sqrt(options.tfidf_weight)))
    sparse = (tfidf @ light).tocsr() if len(model.terms) else tfidf.copy()
    sparse.eliminate_zeros()
    sparse.sort_indices()
    return sparse


def _fit_lsa(tfidf: sp.csr_matrix, options: AnalysisOptions) -> tuple[np.ndarray, np.ndarray]:
    """Latent space from an evenly spaced sample of reports, on the terms that occur twice in the sample.

    Fitting on a sample keeps the SVD well under a second at 100k reports; every report is then projected.
    """
    step = max(1, -(-tfidf.shape[0] // max(1, options.lsa_sample)))
    sample = tfidf[::step]
    columns = np.flatnonzero(document_frequency(sample) >= 2).astype(np.int32)
    dimensions = min(options.dimensions, sample.shape[0] - 1, len(columns) - 1)
    if dimensions < 1:
        return columns, np.zeros((0, len(columns)), np.float32)
    _, _, components = randomized_svd(sample[:, columns], dimensions, n_iter=5, random_state=SEED)
    return columns, components.astype(np.float32)


def _project(model: Model, tfidf: sp.csr_matrix) -> np.ndarray:
    if model.components.shape[0] == 0:
        return np.zeros((tfidf.shape[0], 0))
    return np.asarray(tfidf[:, model.lsa_columns] @ model.components.T, dtype=np.float64)


def _facet_matrix(keys: list[str], documents: list[Document]) -> np.ndarray:
    index = {key: column for column, key in enumerate(keys)}
    matrix = np.zeros((len(documents), len(keys)))
    for row, document in enumerate(documents):
        for key in document.facets:
            if key in index:
                matrix[row, index[key]] = 1.0
    return matrix


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)

"""`nearmiss themes suggest`: clusters of the corpus for editors to adopt as curated themes.

K-means on the latent-semantic vectors with a fixed seed (so the same corpus always gives the same clusters),
each cluster described by its most distinctive terms: those whose mean TF-IDF weight in the cluster most
exceeds their mean weight in the whole corpus. Nothing here writes content.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans, MiniBatchKMeans

from generator.analysis.reasons import stem

SEED = 0
MINI_BATCH_FROM = 10_000  # full k-means above this size is slow for no visible gain


@dataclass(frozen=True)
class Cluster:
    """A group of reports: its top terms and members, closest to the centre first."""

    terms: tuple[str, ...]
    members: tuple[str, ...]


def suggest_clusters(analysis, count: int, top_terms: int = 8) -> list[Cluster]:
    """Up to `count` clusters of the public reports, largest first (ties by first member ID)."""
    size = len(analysis.documents)
    count = max(1, min(count, size))
    latent = analysis.vectors.dense[:, : analysis.model.components.shape[0]]
    if size == 0 or latent.shape[1] == 0:
        return []
    labels, distances = _cluster(latent, count)
    tfidf = analysis.vectors.tfidf
    overall = np.asarray(tfidf.mean(axis=0)).ravel()
    clusters = []
    for label in range(count):
        rows = np.flatnonzero(labels == label)
        if len(rows) == 0:
            continue
        inside = np.asarray(tfidf[rows].mean(axis=0)).ravel()
        members = rows[np.lexsort((rows, distances[rows]))]
        clusters.append(Cluster(_distinct_terms(inside - overall, analysis.model.terms, top_terms),
                                tuple(analysis.documents[row].id for row in members)))
    return sorted(clusters, key=lambda cluster: (-len(cluster.members), min(cluster.members)))


def _cluster(latent: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    if len(latent) >= MINI_BATCH_FROM:
        model = MiniBatchKMeans(n_clusters=count, random_state=SEED, n_init=3, batch_size=4096)
    else:
        model = KMeans(n_clusters=count, random_state=SEED, n_init=4)
    labels = model.fit_predict(latent)
    distances = np.linalg.norm(latent - model.cluster_centers_[labels], axis=1)
    return labels, np.round(distances, 6)


def _distinct_terms(lift: np.ndarray, terms: list[str], limit: int) -> tuple[str, ...]:
    chosen: list[str] = []
    words: set[str] = set()
    for column in np.lexsort((np.arange(len(lift)), -lift)):
        if lift[column] <= 0 or len(chosen) == limit:
            break
        parts = {stem(word) for word in terms[column].split()}
        if parts & words:
            continue
        chosen.append(terms[column])
        words |= parts
    return tuple(chosen)

"""Synthetic documents for analysis tests: a few topics with their own words, mixed into reports, so that the
expected neighbours are known without real data."""

from __future__ import annotations

import random

import numpy as np

from generator.analysis.text import Document

TOPICS = {
    "traffic": "driver passenger license stop headlight sedan window seat dashboard registration",
    "weapon": "pistol revolver waistband holster knife frisk pat-down jacket lining search",
    "radio": "radio channel dispatcher repeater coverage transmission static console frequency call",
    "roadside": "cones lane shoulder flares vest crash interstate traffic tow truck",
    "custody": "prisoner handcuffs jail booking transport cell sally port escort restraint",
}
FILLER = "then after before during while about around later quickly slowly finally again".split()
FACETS = {
    "traffic": ("event_type:traffic-stop", "contributing_factors:complacency"),
    "weapon": ("event_type:search", "contributing_factors:concealed-missed-weapon"),
    "radio": ("event_type:other", "contributing_factors:communication-radio"),
    "roadside": ("event_type:roadside-crash-scene", "contributing_factors:vehicle-operations"),
    "custody": ("event_type:prisoner-custody-transport", "contributing_factors:teamwork"),
}
FACET_KEYS = sorted({key for keys in FACETS.values() for key in keys})


def synthetic_documents(count: int, seed: int = 7) -> list[Document]:
    """`count` documents, each about one or two topics, with IDs T-0001... in order."""
    generator = random.Random(seed)
    names = sorted(TOPICS)
    documents = []
    for number in range(1, count + 1):
        topics = generator.sample(names, generator.choice([1, 1, 2]))
        words = []
        for topic in topics:
            words += generator.choices(TOPICS[topic].split(), k=12)
        words += generator.choices(FILLER, k=4)
        generator.shuffle(words)
        text = " ".join(words)
        facets = FACETS[topics[0]]
        documents.append(Document(f"T-{number:04d}", f"Case {number} {topics[0]}", f"About {' and '.join(topics)}.",
                                  (text, "Keep the lesson in mind."), facets))
    return documents


def dense_reference(vectors, keep: int, min_score: float) -> list[list[tuple[int, float]]]:
    """Every pair scored from full dense matrices, then sorted by (score desc, row asc): the O(N^2) reference."""
    scores = vectors.dense @ vectors.dense.T + (vectors.sparse @ vectors.sparse.T).toarray().astype(np.float64)
    scores = np.round(scores, 6)
    result = []
    for row in range(len(scores)):
        pairs = sorted((-scores[row, column], column) for column in range(len(scores))
                       if column != row and scores[row, column] >= min_score)
        result.append([(column, -value) for value, column in pairs[:keep]])
    return result

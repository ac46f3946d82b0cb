"""The chunked top-k equals an O(N^2) dense reference, whatever the chunking, with ties broken by ID."""

from __future__ import annotations

import numpy as np
import pytest

from generator.analysis import topk
from generator.analysis.model import fit
from generator.analysis.options import AnalysisOptions
from generator.analysis.text import Document
from tests.analysis.helpers import FACET_KEYS, dense_reference, synthetic_documents

OPTIONS = AnalysisOptions(min_score=0.05)


def as_pairs(neighbours, row):
    index, score = neighbours.row(row)
    return [(int(column), float(value)) for column, value in zip(index, score)]


@pytest.mark.parametrize("cells, sample", [(1 << 24, 2048), (2000, 8), (500, 3)])
def test_chunked_top_k_equals_the_dense_reference(monkeypatch, cells, sample):
    monkeypatch.setattr(topk, "BLOCK_CELLS", cells)  # small blocks: many chunks, two worker threads
    monkeypatch.setattr(topk, "SAMPLE_COLUMNS", sample)  # coarse column samples: loose lower bounds
    documents = synthetic_documents(150)
    _, vectors = fit(documents, FACET_KEYS, OPTIONS)
    found = topk.top_neighbours(topk.Scorer(vectors), np.arange(len(documents)), 8, OPTIONS.min_score)
    reference = dense_reference(vectors, 8, OPTIONS.min_score)
    for row in range(len(documents)):
        assert as_pairs(found, row) == reference[row], row


def test_a_subset_of_rows_gets_the_same_lists_as_the_whole():
    documents = synthetic_documents(90)
    _, vectors = fit(documents, FACET_KEYS, OPTIONS)
    scorer = topk.Scorer(vectors)
    whole = topk.top_neighbours(scorer, np.arange(90), 6, OPTIONS.min_score)
    rows = np.array([3, 40, 89])
    part = topk.top_neighbours(scorer, rows, 6, OPTIONS.min_score)
    for position, row in enumerate(rows):
        assert as_pairs(part, position) == as_pairs(whole, row)


def test_ties_are_broken_by_id_and_a_report_is_never_its_own_neighbour():
    same = ("radio channel repeater dispatcher static", "Keep the lesson in mind.")
    documents = [Document(f"R-{n}", "Radio", "Radio.", same, ()) for n in range(1, 7)]
    documents.append(Document("R-7", "Other", "Other.", ("cones lane shoulder flares", "x"), ()))
    _, vectors = fit(documents, [], OPTIONS)
    found = topk.top_neighbours(topk.Scorer(vectors), np.arange(7), 3, OPTIONS.min_score)
    assert list(found.row(0)[0]) == [1, 2, 3]  # all tie at the same score: lowest IDs first
    assert list(found.row(4)[0]) == [0, 1, 2]
    assert len(set(found.row(0)[1].tolist())) == 1
    assert all(row not in found.row(row)[0] for row in range(7))
    assert found.length[6] == 0  # nothing in common with anyone: below the minimum score


def test_minimum_score_is_respected_and_short_lists_are_complete():
    documents = synthetic_documents(60)
    _, vectors = fit(documents, FACET_KEYS, OPTIONS)
    found = topk.top_neighbours(topk.Scorer(vectors), np.arange(60), 5, 0.5)
    for row in range(60):
        assert all(score >= 0.5 for score in found.row(row)[1])
        assert found.complete[row] == (found.length[row] < 5)


def test_a_report_transformed_later_gets_the_row_it_had_in_the_fit():
    from generator.analysis.model import transform

    documents = synthetic_documents(70)
    model, fitted = fit(documents, FACET_KEYS, OPTIONS)
    later = transform(model, documents, OPTIONS)
    assert (later.tfidf != fitted.tfidf).nnz == 0
    assert np.array_equal(later.dense, fitted.dense)
    assert (later.sparse != fitted.sparse).nnz == 0

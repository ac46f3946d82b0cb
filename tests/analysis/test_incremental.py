"""Incremental updates and the cache: after a few changes, the result equals a full computation with the same
(frozen) model; unchanged content comes straight from the cache; a broken cache is ignored."""

from __future__ import annotations

import dataclasses
import sys

import numpy as np
import pytest

from generator.analysis import cache
from generator.analysis.engine import CACHED, FULL, INCREMENTAL, _full, analyse_documents
from generator.analysis.incremental import changed_documents, update
from generator.analysis.model import transform
from generator.analysis.options import AnalysisOptions
from generator.analysis.related import fill_terms, link_table, related_links
from generator.analysis.topk import Scorer, top_neighbours
from tests.analysis.helpers import FACET_KEYS, synthetic_documents

OPTIONS = AnalysisOptions(incremental_min=10, refit_fraction=0.2, buffer=3)


def edited(documents):
    """Three changed, one removed, one added: the kinds of change an editor makes."""
    changed = list(documents)
    for row in (5, 17, 60):
        document = changed[row]
        changed[row] = dataclasses.replace(document, sections=(document.sections[0] + " radio repeater static",
                                                               document.sections[1]))
    del changed[33]
    extra = synthetic_documents(1, seed=99)[0]
    changed.append(dataclasses.replace(extra, id="T-9999"))
    return changed


def reference(snapshot, documents):
    """A full computation with the snapshot's model: what the incremental result must equal."""
    vectors = transform(snapshot.model, documents, OPTIONS)
    neighbours = top_neighbours(Scorer(vectors), np.arange(len(documents)), OPTIONS.keep, OPTIONS.min_score)
    links = link_table(neighbours, OPTIONS.k)
    fill_terms(links, vectors, snapshot.model)
    return neighbours, related_links(links, documents, snapshot.model)


@pytest.mark.parametrize("buffer", [0, 3])  # no buffer: every list that loses an entry is recomputed
def test_incremental_update_equals_a_full_computation_with_the_same_model(monkeypatch, buffer):
    monkeypatch.setattr(sys.modules[__name__], "OPTIONS", dataclasses.replace(OPTIONS, buffer=buffer))
    documents = synthetic_documents(120)
    snapshot = _full(documents, FACET_KEYS, OPTIONS)
    new = edited(documents)
    changed = changed_documents(snapshot, new)
    assert [new[row].id for row in changed] == ["T-0006", "T-0018", "T-0061", "T-9999"]
    vectors, neighbours, old_row = update(snapshot, new, changed, OPTIONS)
    expected, expected_related = reference(snapshot, new)
    for row in range(len(new)):
        mine, theirs = neighbours.row(row), expected.row(row)
        assert mine[0][:OPTIONS.k].tolist() == theirs[0][:OPTIONS.k].tolist(), row
        assert mine[1][:OPTIONS.k].tolist() == theirs[1][:OPTIONS.k].tolist(), row
    links = link_table(neighbours, OPTIONS.k)
    fill_terms(links, vectors, snapshot.model, snapshot.links, old_row)
    assert related_links(links, new, snapshot.model) == expected_related


def test_engine_uses_the_cache_then_updates_incrementally(tmp_path):
    path = tmp_path / "analysis.npz"
    documents = synthetic_documents(120)
    first = analyse_documents(documents, FACET_KEYS, OPTIONS, path)
    assert first.mode == FULL and path.is_file()
    again = analyse_documents(synthetic_documents(120), FACET_KEYS, OPTIONS, path)
    assert again.mode == CACHED and again.related == first.related
    new = edited(documents)
    updated = analyse_documents(new, FACET_KEYS, OPTIONS, path)
    assert updated.mode == INCREMENTAL
    assert updated.related == reference(_full(documents, FACET_KEYS, OPTIONS), new)[1]
    back = analyse_documents(documents, FACET_KEYS, OPTIONS, path)
    assert back.mode == INCREMENTAL and back.related == first.related


def test_many_changes_or_other_options_refit_from_scratch(tmp_path):
    path = tmp_path / "analysis.npz"
    documents = synthetic_documents(120)
    analyse_documents(documents, FACET_KEYS, OPTIONS, path)
    rewritten = [dataclasses.replace(d, sections=(d.sections[0] + " again", d.sections[1])) for d in documents]
    assert analyse_documents(rewritten, FACET_KEYS, OPTIONS, path).mode == FULL
    other = dataclasses.replace(OPTIONS, k=3)
    assert analyse_documents(rewritten, FACET_KEYS, other, path).mode == FULL


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path):
    path = tmp_path / "analysis.npz"
    path.write_bytes(b"not a zip file")
    documents = synthetic_documents(40)
    assert analyse_documents(documents, FACET_KEYS, OPTIONS, path).mode == FULL
    assert cache.load(path, OPTIONS) is not None
    assert not list(tmp_path.glob("*.tmp")), "the cache is written through a temporary file, then renamed"


def test_cache_lives_beside_the_content_directory(tmp_path):
    content = tmp_path / "project" / "content"
    content.mkdir(parents=True)
    assert cache.default_cache_dir(content) == (tmp_path / "project" / ".nearmiss-cache").resolve()
    assert cache.cache_file(tmp_path, content) != cache.cache_file(tmp_path, tmp_path / "other")

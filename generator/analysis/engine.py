"""Run the analysis of a corpus: from the cache when nothing changed, incrementally when little did, in full
otherwise. See docs-dev/related.md for the approach and its measured cost."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from generator.analysis import cache
from generator.analysis.incremental import Snapshot, changed_documents, update
from generator.analysis.model import Model, Vectors, fit, taxonomy_facet_keys
from generator.analysis.options import AnalysisOptions
from generator.analysis.related import Related, fill_terms, link_table, related_links
from generator.analysis.text import Document, corpus_documents
from generator.analysis.topk import Scorer, top_neighbours

FULL, INCREMENTAL, CACHED = "full", "incremental", "cached"


@dataclass
class Analysis:
    """Related links of every public report, with the model and vectors that themes and clusters reuse."""

    documents: list[Document]
    related: Related
    model: Model
    vectors: Vectors
    mode: str = FULL
    seconds: float = 0.0

    def row_of(self, report_id: str) -> int | None:
        if not hasattr(self, "_rows"):
            self._rows = {document.id: row for row, document in enumerate(self.documents)}
        return self._rows.get(report_id)


def analyse_corpus(corpus, options: AnalysisOptions | None = None, cache_dir: Path | str | None = None) -> Analysis:
    """Analyse the public reports of a corpus; with `cache_dir`, reuse and update the cached snapshot."""
    options = options or AnalysisOptions()
    path = cache.cache_file(Path(cache_dir), corpus.content_dir) if cache_dir is not None else None
    return analyse_documents(corpus_documents(corpus), taxonomy_facet_keys(corpus.taxonomy), options, path)


def analyse_documents(documents: list[Document], facet_keys: list[str], options: AnalysisOptions,
                      cache_path: Path | None = None) -> Analysis:
    """Analyse documents (in ID order); see `analyse_corpus`."""
    started = time.perf_counter()
    key = result_key(documents, facet_keys, options)
    stored = cache.load(cache_path, options) if cache_path is not None else None
    if stored is not None and stored[1].get("result") == key:
        snapshot, mode = stored[0], CACHED
    else:
        changed = changed_documents(stored[0], documents) if stored is not None else None
        if stored is not None and _can_update(stored[0], documents, changed, facet_keys, options):
            snapshot, mode = _incremental(stored[0], documents, changed, options), INCREMENTAL
        else:
            snapshot, mode = _full(documents, facet_keys, options), FULL
        if cache_path is not None:
            cache.save(cache_path, snapshot, {"result": key, "options": options.key()})
    related = related_links(snapshot.links, documents, snapshot.model)
    return Analysis(documents, related, snapshot.model, snapshot.vectors, mode, time.perf_counter() - started)


def result_key(documents: list[Document], facet_keys: list[str], options: AnalysisOptions) -> str:
    """A hash of every analysed text and facet, the taxonomy's facet columns and the options."""
    digest = hashlib.sha256(options.key().encode())
    digest.update("\n".join(facet_keys).encode())
    for document in documents:
        digest.update(document.fingerprint.encode())
    return digest.hexdigest()[:32]


def full_analysis(documents: list[Document], facet_keys: list[str], options: AnalysisOptions) -> Analysis:
    """Fit a model on the documents and compute every neighbour list (no cache)."""
    snapshot = _full(documents, facet_keys, options)
    return Analysis(documents, related_links(snapshot.links, documents, snapshot.model), snapshot.model,
                    snapshot.vectors)


def _full(documents: list[Document], facet_keys: list[str], options: AnalysisOptions) -> Snapshot:
    model, vectors = fit(documents, facet_keys, options)
    neighbours = top_neighbours(Scorer(vectors), np.arange(len(documents)), options.keep, options.min_score)
    links = link_table(neighbours, options.k)
    fill_terms(links, vectors, model)
    return Snapshot(model, [d.id for d in documents], [d.fingerprint for d in documents], vectors, neighbours,
                    links)


def _can_update(snapshot: Snapshot, documents: list[Document], changed: list[int], facet_keys: list[str],
                options: AnalysisOptions) -> bool:
    """Reuse the model only for a large corpus with few changes under the same taxonomy; otherwise the result
    would drift too far from a fresh fit (and a fresh fit of a small corpus is fast anyway)."""
    if len(documents) < options.incremental_min or snapshot.model.facet_keys != facet_keys:
        return False
    removed = len(snapshot.ids) - (len(documents) - len(changed))
    return len(changed) + removed <= options.refit_fraction * len(documents)


def _incremental(snapshot: Snapshot, documents: list[Document], changed: list[int],
                 options: AnalysisOptions) -> Snapshot:
    vectors, neighbours, old_row = update(snapshot, documents, changed, options)
    links = link_table(neighbours, options.k)
    fill_terms(links, vectors, snapshot.model, snapshot.links, old_row)
    return Snapshot(snapshot.model, [d.id for d in documents], [d.fingerprint for d in documents], vectors,
                    neighbours, links)

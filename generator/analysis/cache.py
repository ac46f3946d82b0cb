"""The analysis cache: the last snapshot (model, vectors, neighbour lists, links) of each content directory.

Stored as one `.npz` of plain arrays (never pickle: loading a cache must not be able to run code) under
`.nearmiss-cache/` next to the content directory, written atomically (a temporary file renamed into place), so a
crash never leaves a half-written cache. Anything unreadable or from another version is ignored and recomputed.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from generator.analysis.incremental import Snapshot
from generator.analysis.model import Model, Vectors, weighted_sparse
from generator.analysis.options import ALGORITHM_VERSION, AnalysisOptions
from generator.analysis.related import LinkTable
from generator.analysis.topk import Neighbours
from generator.reportcache import CACHE_DIR_NAME, content_cache_file, default_cache_dir

__all__ = ["CACHE_DIR_NAME", "cache_file", "default_cache_dir", "load", "save"]


def cache_file(cache_dir: Path, content_dir: Path | str) -> Path:
    """The analysis snapshot of one content directory."""
    return content_cache_file(cache_dir, content_dir, "analysis", ".npz")


def save(path: Path, snapshot: Snapshot, meta: dict) -> None:
    """Write the snapshot atomically."""
    arrays = _snapshot_arrays(snapshot)
    arrays["meta"] = _text(json.dumps(meta | {"version": ALGORITHM_VERSION}, sort_keys=True))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            np.savez(stream, **arrays)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def load(path: Path, options: AnalysisOptions) -> tuple[Snapshot, dict] | None:
    """The stored snapshot and its metadata; None if absent, unreadable or from other settings."""
    try:
        with np.load(path, allow_pickle=False) as stored:
            meta = json.loads(_read_text(stored["meta"]))
            if meta.get("version") != ALGORITHM_VERSION or meta.get("options") != options.key():
                return None
            snapshot = _snapshot(stored, options)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError):
        return None
    return snapshot, meta


def _snapshot_arrays(snapshot: Snapshot) -> dict[str, np.ndarray]:
    model, vectors, lists = snapshot.model, snapshot.vectors, snapshot.neighbours
    return {
        "terms": _text("\n".join(model.terms)), "idf": model.idf, "light": model.light,
        "lsa_columns": model.lsa_columns, "components": model.components,
        "facet_keys": _text("\n".join(model.facet_keys)),
        "ids": _text("\n".join(snapshot.ids)), "fingerprints": _text("\n".join(snapshot.fingerprints)),
        "tfidf_data": vectors.tfidf.data, "tfidf_indices": vectors.tfidf.indices,
        "tfidf_indptr": vectors.tfidf.indptr, "tfidf_shape": np.array(vectors.tfidf.shape),
        "dense": vectors.dense, "index": lists.index, "score": lists.score, "length": lists.length,
        "complete": lists.complete,
        "link_offsets": snapshot.links.offsets, "link_target": snapshot.links.target,
        "link_score": snapshot.links.score, "link_terms": snapshot.links.terms,
    }


def _snapshot(stored, options: AnalysisOptions) -> Snapshot:
    model = Model(_lines(stored["terms"]), stored["idf"], stored["light"], stored["lsa_columns"],
                  stored["components"], _lines(stored["facet_keys"]))
    tfidf = sp.csr_matrix((stored["tfidf_data"], stored["tfidf_indices"], stored["tfidf_indptr"]),
                          shape=tuple(stored["tfidf_shape"]))
    vectors = Vectors(tfidf, stored["dense"], weighted_sparse(model, tfidf, options))
    neighbours = Neighbours(stored["index"], stored["score"], stored["length"], stored["complete"])
    links = LinkTable(stored["link_offsets"], stored["link_target"], stored["link_score"], stored["link_terms"])
    return Snapshot(model, _lines(stored["ids"]), _lines(stored["fingerprints"]), vectors, neighbours, links)


def _text(value: str) -> np.ndarray:
    return np.frombuffer(value.encode("utf-8"), dtype=np.uint8)


def _read_text(array: np.ndarray) -> str:
    return array.tobytes().decode("utf-8")


def _lines(array: np.ndarray) -> list[str]:
    text = _read_text(array)
    return text.split("\n") if text else []




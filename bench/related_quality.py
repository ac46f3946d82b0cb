#!/usr/bin/env python3
"""Quality of related reports: precision@5 of shared labels on real, labelled near-miss data.

    python bench/related_quality.py [--data ../shared/data] [--work DIR] [--grid]

For SAFENET (labels: Contributing Factors, Human Factors) and ASRS (label: anomaly_fine), the reports are imported
with `nearmiss import` (auto-redaction included, as in production), then for every report that has labels, its 5
related reports are scored: the share of them with at least one label in common. Side by side, in the same run:
chance (the expected precision of 5 random reports), plain TF-IDF cosine (same vectorizer, no LSA, no facets), the
latent-semantic part alone, and the blend as shipped (AnalysisOptions defaults). Labels are never used as facets
(that would leak the answer): SAFENET gets its incident type as the event_type facet, ASRS no facet at all.
`--grid` also prints the grid the blend was chosen from.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analysis.engine import full_analysis
from generator.analysis.model import fit, taxonomy_facet_keys
from generator.analysis.options import AnalysisOptions
from generator.analysis.text import corpus_documents
from generator.corpus import load_corpus
from generator.importer.run import import_file
from generator.importer.spec import ImportSpec

DATASETS = {
    "safenet": {
        "file": "safenet/safenet_reports.csv", "id": "SAFENET ID", "text": "Narrative",
        "labels": {"Contributing Factors": ";", "Human Factors": ";"},
        "spec": dict(text="Narrative", id="SAFENET ID", dates=("Event Start Date", "SAFENET Create Date"),
                     maps=(("event_type", "Event Incident Type"),),
                     taxonomy=ROOT / "generator" / "taxonomies" / "wildland-fire.yml"),
    },
    "asrs": {
        "file": "asrs/asrs_reports.csv", "id": "acn", "text": "narrative",
        "labels": {"anomaly_fine": "|"},
        "spec": dict(text="narrative", title="synopsis", id="acn", dates=("date_yyyymm",)),
        # Analyst-coded fields other than the label, standing in for the facets reviewers code on a report.
        "coded_facets": {"event_type": "primary_problem", "contributing_factors": ("human_factors",
                                                                                   "contributing_factors")},
    },
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--work", type=Path, help="keep imported content here between runs")
    parser.add_argument("--grid", action="store_true", help="also print the weight/dimension grid")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="nearmiss-quality-"))
    for name, dataset in DATASETS.items():
        documents, facet_keys, labels, rows = load(name, dataset, args.data, work)
        report(name, documents, facet_keys, labels, args.grid)
        if "coded_facets" in dataset:
            coded, coded_keys = with_coded_facets(documents, rows, dataset["coded_facets"])
            facet_sweep(f"{name} with coded facets", coded, coded_keys, labels)


def load(name, dataset, data: Path, work: Path):
    content = work / name
    if not (content / "reports").is_dir():
        started = time.perf_counter()
        spec = ImportSpec(**dataset["spec"], published=__import__("datetime").date(2026, 11, 1))
        result = import_file("csv", data / dataset["file"], content, spec)
        print(f"# imported {result.reports} {name} reports in {time.perf_counter() - started:.1f} s "
              f"(redaction: {result.redacted})")
    corpus = load_corpus(content)
    documents = corpus_documents(corpus)
    with open(data / dataset["file"], newline="", encoding="utf-8") as handle:
        rows = {row[dataset["id"]].strip(): row for row in csv.DictReader(handle)}
    labels = {}
    for field, separator in dataset["labels"].items():
        labels[field] = [frozenset(part.strip() for part in rows[_source(corpus, d.id)][field].split(separator)
                                   if part.strip()) for d in documents]
    source_rows = [rows[_source(corpus, d.id)] for d in documents]
    return documents, taxonomy_facet_keys(corpus.taxonomy), labels, source_rows


def with_coded_facets(documents, rows, fields):
    """Documents whose facets come from coded columns of the source (slugified), and the facet columns."""
    from generator.importer.values import slugify

    coded = []
    for document, row in zip(documents, rows):
        keys = []
        for facet, columns in fields.items():
            for column in (columns,) if isinstance(columns, str) else columns:
                keys += [f"{facet}:{slugify(part)}" for part in row[column].split(";") if slugify(part)]
        coded.append(dataclasses.replace(document, facets=tuple(dict.fromkeys(keys))))
    return coded, sorted({key for document in coded for key in document.facets})


def facet_sweep(name, documents, facet_keys, labels) -> None:
    print(f"\n## {name}: precision@5 by facet weight (other settings as shipped)\n")
    print("| facet weight | " + " | ".join(labels) + " |")
    print("|---|" + "---|" * len(labels))
    for weight in (0.0, 0.05, 0.1, 0.2, 0.3):
        neighbours = shipped(documents, facet_keys, AnalysisOptions(facet_weight=weight))
        print(f"| {weight} | " + " | ".join(f"{precision_at_5(neighbours, labels[f]):.3f}" for f in labels) + " |",
              flush=True)


def _source(corpus, report_id: str) -> str:
    return corpus.by_id[report_id].source_id or report_id


def precision_at_5(neighbours: list[list[int]], labels: list[frozenset]) -> float:
    """Mean over reports with labels of the share of their 5 neighbours sharing a label (missing = miss)."""
    values = [sum(bool(labels[row] & labels[other]) for other in found[:5]) / 5
              for row, found in enumerate(neighbours) if labels[row]]
    return float(np.mean(values))


def chance(labels: list[frozenset]) -> float:
    """Expected precision of 5 reports drawn at random (exact: the share of other reports sharing a label)."""
    values = []
    for row, mine in enumerate(labels):
        if mine:
            values.append((sum(bool(mine & other) for other in labels) - 1) / (len(labels) - 1))
    return float(np.mean(values))


def top5(scores: np.ndarray) -> list[list[int]]:
    scores = scores.copy()
    np.fill_diagonal(scores, -np.inf)
    order = np.lexsort((np.tile(np.arange(len(scores)), (len(scores), 1)), -scores), axis=1)
    return [list(row[:5]) for row in order]


def shipped(documents, facet_keys, options: AnalysisOptions) -> list[list[int]]:
    """Neighbours exactly as `nearmiss related` computes them (chunked, exact), with no minimum score."""
    analysis = full_analysis(documents, facet_keys, dataclasses.replace(options, min_score=-1.0, k=5))
    row = {document.id: index for index, document in enumerate(documents)}
    return [[row[link.id] for link in analysis.related[document.id]] for document in documents]


def report(name, documents, facet_keys, labels, grid: bool) -> None:
    options = AnalysisOptions()
    started = time.perf_counter()
    _, vectors = fit(documents, facet_keys, options)
    tfidf = vectors.tfidf
    plain = (tfidf @ tfidf.T).toarray()
    latent = vectors.dense[:, : options.dimensions] / np.sqrt(options.lsa_weight)
    methods = {
        "chance": None,
        "plain TF-IDF cosine": top5(plain),
        f"LSA only ({options.dimensions} dims)": top5(latent @ latent.T),
        "blend, no facets": shipped(documents, facet_keys, dataclasses.replace(options, facet_weight=0.0)),
        "blend as shipped": shipped(documents, facet_keys, options),
    }
    fields = list(labels)
    print(f"\n## {name}: {len(documents)} reports, precision@5 of shared labels "
          f"({time.perf_counter() - started:.1f} s)\n")
    print("| method | " + " | ".join(fields) + " |")
    print("|---|" + "---|" * len(fields))
    for method, neighbours in methods.items():
        values = [chance(labels[f]) if neighbours is None else precision_at_5(neighbours, labels[f]) for f in fields]
        print(f"| {method} | " + " | ".join(f"{value:.3f}" for value in values) + " |")
    if grid:
        print_grid(documents, facet_keys, labels)


def print_grid(documents, facet_keys, labels) -> None:
    print("\n| dims | LSA weight | facet weight | " + " | ".join(labels) + " |")
    print("|---|---|---|" + "---|" * len(labels))
    for dims in (32, 48, 64, 100):
        for lsa in (0.3, 0.4, 0.5, 0.6):
            for facet in (0.0, 0.1):
                options = AnalysisOptions(dimensions=dims, lsa_weight=lsa, tfidf_weight=1 - lsa, facet_weight=facet)
                neighbours = shipped(documents, facet_keys, options)
                values = [precision_at_5(neighbours, labels[f]) for f in labels]
                print(f"| {dims} | {lsa} | {facet} | " + " | ".join(f"{value:.3f}" for value in values) + " |",
                      flush=True)


if __name__ == "__main__":
    main()

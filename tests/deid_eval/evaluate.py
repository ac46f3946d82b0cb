#!/usr/bin/env python3
"""Evaluate the identifier scanner on a labelled split.

    python tests/deid_eval/evaluate.py dev            # or heldout, or a path to a .jsonl file
    python tests/deid_eval/evaluate.py dev --errors   # also list misses and false positives

Input lines: {"id", "text", "spans": [{"type", "start", "end", "text"}]}; a narrative without spans is clean
(no identifiers; v1 ids start with "c", v2 ids with "d").

Counting rules (characters counted are letters and digits only, so spaces and punctuation never matter):

* recall    - a labelled identifier is *found* when at least 75% of its letters/digits lie inside some finding
              (of any type and tier: a redaction of the wrong type still hides it).
* precision - a finding is a *true positive* when at least 75% of its letters/digits lie inside labelled spans
              (of any type). Everything else, including every finding on a clean narrative, is a false positive.
* per-type recall is grouped by the label's type, per-type precision by the finding's type.
* auto-tier precision is the same precision rule restricted to findings with tier "auto".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from generator.deid import TYPES, scan  # noqa: E402

THRESHOLD = 0.75


def _alnum_positions(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, end) if text[i].isalnum()}


def _covered(text: str, start: int, end: int, cover: set[int]) -> bool:
    positions = _alnum_positions(text, start, end)
    if not positions:
        return False
    return len(positions & cover) / len(positions) >= THRESHOLD


@dataclass
class Scores:
    """Counts for one split."""

    labels: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    true_flags: Counter = field(default_factory=Counter)
    auto_flags: int = 0
    auto_true: int = 0
    clean_docs: int = 0
    clean_flags: int = 0
    clean_auto_flags: int = 0
    docs: int = 0
    misses: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)

    def recall(self, type_: str | None = None) -> float:
        total = self.labels[type_] if type_ else sum(self.labels.values())
        hit = self.found[type_] if type_ else sum(self.found.values())
        return hit / total if total else float("nan")

    def precision(self, type_: str | None = None) -> float:
        total = self.flags[type_] if type_ else sum(self.flags.values())
        hit = self.true_flags[type_] if type_ else sum(self.true_flags.values())
        return hit / total if total else float("nan")

    def auto_precision(self) -> float:
        return self.auto_true / self.auto_flags if self.auto_flags else float("nan")

    def summary(self) -> dict:
        return {
            "docs": self.docs,
            "recall": self.recall(),
            "precision": self.precision(),
            "auto_precision": self.auto_precision(),
            "auto_findings": self.auto_flags,
            "labels": sum(self.labels.values()),
            "findings": sum(self.flags.values()),
            "clean_docs": self.clean_docs,
            "clean_flags": self.clean_flags,
            "per_type": {t: {"labels": self.labels[t], "recall": self.recall(t), "findings": self.flags[t],
                             "precision": self.precision(t)} for t in TYPES if self.labels[t] or self.flags[t]},
        }


def evaluate(path: Path) -> Scores:
    """Scan every record of a labelled .jsonl file and count hits and misses."""
    scores = Scores()
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for record in records:
        text, spans = record["text"], record.get("spans", [])
        scores.docs += 1
        findings = scan(text)
        cover = set()
        for f in findings:
            cover |= _alnum_positions(text, f.start, f.end)
        labelled = set()
        for span in spans:
            labelled |= _alnum_positions(text, span["start"], span["end"])
        for span in spans:
            scores.labels[span["type"]] += 1
            if _covered(text, span["start"], span["end"], cover):
                scores.found[span["type"]] += 1
            else:
                scores.misses.append((record["id"], span["type"], text[span["start"]:span["end"]],
                                      text[max(0, span["start"] - 40):span["end"] + 40].replace("\n", " ")))
        # A clean narrative has no labelled identifier; v1 names them c###, v2 d###, so the spans decide.
        clean = not spans
        scores.clean_docs += clean
        for f in findings:
            ok = _covered(text, f.start, f.end, labelled)
            scores.flags[f.type] += 1
            scores.true_flags[f.type] += ok
            if f.tier == "auto":
                scores.auto_flags += 1
                scores.auto_true += ok
            if clean:
                scores.clean_flags += 1
                scores.clean_auto_flags += f.tier == "auto"
            if not ok:
                scores.false_positives.append((record["id"], f.type, f.tier, f.text, f.reason,
                                               text[max(0, f.start - 40):f.end + 40].replace("\n", " ")))
    return scores


def print_table(name: str, scores: Scores) -> None:
    """Print the per-type and overall table."""
    print(f"split: {name}  ({scores.docs} texts, {scores.clean_docs} clean)")
    print(f"{'type':<9}{'labels':>7}{'recall':>8}{'findings':>10}{'precision':>11}")
    for t in TYPES:
        if not (scores.labels[t] or scores.flags[t]):
            continue
        r = f"{scores.recall(t):.3f}" if scores.labels[t] else "-"
        p = f"{scores.precision(t):.3f}" if scores.flags[t] else "-"
        print(f"{t:<9}{scores.labels[t]:>7}{r:>8}{scores.flags[t]:>10}{p:>11}")
    print(f"{'ALL':<9}{sum(scores.labels.values()):>7}{scores.recall():>8.3f}{sum(scores.flags.values()):>10}"
          f"{scores.precision():>11.3f}")
    print(f"auto tier: {scores.auto_flags} findings, precision {scores.auto_precision():.3f}")
    print(f"clean texts: {scores.clean_flags} findings ({scores.clean_auto_flags} auto) on {scores.clean_docs} texts")


def main() -> None:
    parser = argparse.ArgumentParser(description="Evaluate the identifier scanner on a labelled split.")
    parser.add_argument("split", help="dev, heldout, or a path to a .jsonl file")
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON instead of a table")
    args = parser.parse_args()
    path = Path(args.split) if args.split.endswith(".jsonl") else HERE / f"{args.split}.jsonl"
    scores = evaluate(path)
    if args.json:
        print(json.dumps(scores.summary(), indent=2))
    else:
        print_table(path.stem, scores)
    if args.errors:
        print("\nMISSES (id, type, text, context)")
        for row in scores.misses:
            print("  ", row)
        print("\nFALSE POSITIVES (id, type, tier, text, reason, context)")
        for row in scores.false_positives:
            print("  ", row)


if __name__ == "__main__":
    main()

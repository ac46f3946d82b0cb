#!/usr/bin/env python3
"""Speed of `nearmiss import`: records per second, with the identifier scanner's redaction and without it.

    python bench/import_speed.py [--data ../shared/data/scale/narratives.jsonl] [--reports 5000]

Imports `--reports` records (evenly spaced through the file) into temporary directories and prints the wall
time, records per second and peak RSS of each run. The import validates every file it writes with the same
parser as `nearmiss check`, so the figure includes that.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.importer import prose
from generator.importer.run import import_file
from generator.importer.spec import ImportSpec


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "scale" / "narratives.jsonl")
    parser.add_argument("--reports", type=int, default=5000)
    args = parser.parse_args()
    spec = ImportSpec(text="text", title="title", id="id", dates=("date",), published=dt.date(2026, 11, 1),
                      maps=(("lessons_learned", "lesson"), ("follow_up", "action_taken")), sample=args.reports)
    redactor = prose.load_redactor
    for label, loader in (("without redaction", lambda: None), ("with redaction", redactor)):
        prose.load_redactor = loader
        with tempfile.TemporaryDirectory() as work:
            started = time.perf_counter()
            result = import_file("jsonl", args.data, Path(work) / "content", spec)
            seconds = time.perf_counter() - started
        print(f"| {label} | {result.reports} reports | {seconds:6.1f} s | {result.reports / seconds:6.0f} reports/s | "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:5.0f} MB peak RSS |", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Throughput benchmark: scan many short texts, the way `nearmiss check` scans every report's fields.

    python bench/deid_scale.py [--data ../shared/data/scale/narratives.jsonl] [--limit 30000] [--fields text]

Reads the first --limit lines of a JSONL file and scans the given fields of each (default: the `text` field;
`--fields title,text` adds the titles). Prints texts per second, the mean and p99 time per text, the CPU time,
and the number of findings, so a speed change that also changes results is visible.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "data" / "scale" / "narratives.jsonl"


def load(path: Path, limit: int, fields: list[str]) -> list[str]:
    """The non-empty values of *fields* in the first *limit* lines of *path*."""
    texts = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= limit:
                break
            record = json.loads(line)
            texts.extend(str(record[f]) for f in fields if record.get(f))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=30_000)
    parser.add_argument("--fields", default="text", help="comma-separated fields to scan (default: text)")
    args = parser.parse_args()
    texts = load(args.data, args.limit, args.fields.split(","))

    started = time.perf_counter()
    from generator.deid import scan, warm_up

    warm_up()
    startup = time.perf_counter() - started

    times = []
    findings = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for text in texts:
        t0 = time.perf_counter()
        findings += len(scan(text))
        times.append(time.perf_counter() - t0)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    times.sort()
    n = len(texts)
    print(f"data: {args.data} fields {args.fields!r}: {n} texts from {args.limit} lines, "
          f"mean {statistics.mean(len(t) for t in texts):.0f} characters")
    print(f"start-up (import + load lexicons): {startup * 1000:.0f} ms")
    print(f"{n} texts in {wall:.2f} s wall ({n / wall:.0f} texts/s), CPU {cpu:.2f} s; per text: mean "
          f"{statistics.mean(times) * 1e6:.0f} us, median {times[n // 2] * 1e6:.0f} us, "
          f"p99 {times[int(0.99 * (n - 1))] * 1e6:.0f} us, max {times[-1] * 1000:.1f} ms")
    print(f"findings: {findings} ({findings / n:.2f} per text)")


if __name__ == "__main__":
    main()

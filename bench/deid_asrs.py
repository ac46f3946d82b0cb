#!/usr/bin/env python3
"""False-positive benchmark: scan NASA ASRS narratives (already de-identified, so every flag is a false positive).

    python bench/deid_asrs.py [--data ../shared/data/asrs/asrs_reports.csv] [--column narrative] [--limit N]

Prints flags per 100 reports by type and tier, the 20 most common flagged strings, start-up time and scan
time per report (mean, p99). Also works on other CSVs, e.g. SAFENET with --column Narrative.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "data" / "asrs" / "asrs_reports.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--column", default="narrative")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=20, help="how many most common flagged strings to print")
    args = parser.parse_args()
    csv.field_size_limit(10**8)
    with open(args.data, newline="", encoding="utf-8") as handle:
        texts = [row[args.column] for row in csv.DictReader(handle) if row.get(args.column, "").strip()]
    if args.limit:
        texts = texts[: args.limit]

    started = time.perf_counter()
    from generator.deid import scan, warm_up

    warm_up()
    startup = time.perf_counter() - started

    by_type: Counter = Counter()
    strings: Counter = Counter()
    times = []
    for text in texts:
        t0 = time.perf_counter()
        findings = scan(text)
        times.append(time.perf_counter() - t0)
        for f in findings:
            by_type[(f.type, f.tier)] += 1
            strings[(f.type, f.tier, f.text)] += 1
    n = len(texts)
    print(f"data: {args.data} column {args.column!r}: {n} reports, "
          f"mean {statistics.mean(len(t.split()) for t in texts):.0f} words")
    print(f"start-up (import + load lexicons): {startup * 1000:.0f} ms")
    times.sort()
    print(f"scan time per report: mean {statistics.mean(times) * 1000:.2f} ms, "
          f"p99 {times[int(0.99 * (n - 1))] * 1000:.2f} ms, max {times[-1] * 1000:.2f} ms")
    auto = sum(v for (t, tier), v in by_type.items() if tier == "auto")
    review = sum(v for (t, tier), v in by_type.items() if tier == "review")
    print(f"flags per 100 reports: auto {auto * 100 / n:.1f}, review {review * 100 / n:.1f}")
    # NASA leaves real town names in (airports, ARTCCs): reported apart so a change in the town list is visible.
    from generator.deid.lexicon import lexicon

    towns = sum(v for (t, _tier, text), v in strings.items() if t == "PLACE" and lexicon().place_kind(
        re.sub(r"[,;]?\s+[A-Z]{2}$", "", text)))
    print(f"  of which known US place names (PLACE): {towns * 100 / n:.1f}; everything else: "
          f"{(auto + review - towns) * 100 / n:.1f}")
    print(f"{'type':<9}{'auto/100':>10}{'review/100':>12}")
    for type_ in sorted({t for t, _ in by_type}):
        print(f"{type_:<9}{by_type[(type_, 'auto')] * 100 / n:>10.1f}{by_type[(type_, 'review')] * 100 / n:>12.1f}")
    print(f"\n{args.show} most common flagged strings:")
    for (type_, tier, text), count in strings.most_common(args.show):
        print(f"  {count:>5}  {type_:<8} {tier:<7} {text!r}")


if __name__ == "__main__":
    main()

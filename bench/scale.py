#!/usr/bin/env python3
"""The whole pipeline at scale, measured against bare MkDocs: import, check, build, the floor, search bytes.

    python bench/scale.py [--data ../shared/data/scale/narratives.jsonl] [--sizes 1000,10000,30000]
                          [--work DIR] [--json OUT] [--skip-floor] [--skip-search]      (or: make bench)

For each size N: import N records (evenly spaced; kept in --work and reused while the data file is unchanged);
`nearmiss check` cold (empty .nearmiss-cache/), warm (nothing changed) and after one report changed; `nearmiss
build --preview` cold and after one report changed (imported real narratives keep review-tier findings, so the
gate would stop a normal build; the gate's work is done all the same); then the floor (bare mkdocs-material on
the same report files, then Pagefind). At the largest size, the bytes a search downloads (headless Chromium).
Prints a table and writes everything to --json (default bench/out/scale.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale_floor
import scale_search
from scale_report import print_table
from scale_run import ROOT, folder_mb, nearmiss, run, touch_one_report

IMPORT_OPTIONS = ["--text-column", "text", "--title-column", "title", "--id-column", "id", "--date-column", "date",
                  "--map", "lessons_learned=lesson", "--published", "2026-11-01"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "scale" / "narratives.jsonl")
    parser.add_argument("--sizes", default="1000,10000,30000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/nearmiss-scale"))
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "out" / "scale.json")
    parser.add_argument("--skip-floor", action="store_true", help="do not build the bare MkDocs floor")
    parser.add_argument("--skip-search", action="store_true", help="do not measure search downloads")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)
    result = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_at_start":
                          os.getloadavg()[0], "started": time.strftime("%Y-%m-%d %H:%M:%S")},
              "data": str(args.data), "sizes": {}}
    for size in sizes:
        print(f"# {size} reports", flush=True)
        result["sizes"][str(size)] = measure_size(args, size, search=not args.skip_search and size == max(sizes))
        _write(args.json, result)
    print_table(result)
    _write(args.json, result)
    print(f"# JSON: {args.json}")


def measure_size(args, size: int, search: bool) -> dict:
    work = args.work / str(size)
    content, site, cache = work / "content", work / "site", work / ".nearmiss-cache"
    figures = {"import": import_reports(args.data, content, size)}
    config = site_config(work)
    stats = work / "stats.json"
    check = nearmiss("check", "--content", str(content), "--stats-file", str(stats))
    shutil.rmtree(cache, ignore_errors=True)
    figures["check_cold"] = run("check, cold", check, stats_file=stats, ok_codes=(0, 1)).row()
    figures["check_warm"] = run("check, nothing changed", check, stats_file=stats, ok_codes=(0, 1)).row()
    touch_one_report(content)
    figures["check_one"] = run("check, one report changed", check, stats_file=stats, ok_codes=(0, 1)).row()
    touch_one_report(content, undo=True)
    shutil.rmtree(cache, ignore_errors=True)
    build = nearmiss("build", "--content", str(content), "--site", str(site), "--config", str(config), "--preview",
                     "--stats-file", str(stats))
    figures["build_cold"] = run("build --preview, cold", build, stats_file=stats).row()
    figures["site_mb"] = folder_mb(site)
    touch_one_report(content)
    figures["build_one"] = run("build --preview, one report changed", build, stats_file=stats).row()
    touch_one_report(content, undo=True)
    if not args.skip_floor:
        figures["floor"] = scale_floor.measure(content, work / "floor")
    if search:
        figures["search"] = scale_search.measure(site)
        for row in figures["search"]:
            print(f"  search {row['query']:<40} {row['search_bytes'] / 1024:8.1f} KB in {row['search_requests']} "
                  f"requests ({row['status']})", flush=True)
    return figures


def import_reports(data: Path, content: Path, size: int) -> dict:
    """Import `size` records unless the same import is already there; its figures either way."""
    marker = content / ".bench-import.json"
    key = {"data": str(data), "data_mtime": data.stat().st_mtime, "size": size, "options": IMPORT_OPTIONS}
    if marker.exists():
        stored = json.loads(marker.read_text(encoding="utf-8"))
        if stored.get("key") == key:
            print(f"  import: reused ({stored['measured']['seconds']} s when it ran)", flush=True)
            return stored["measured"] | {"reused": True}
    shutil.rmtree(content, ignore_errors=True)
    measured = run("import", nearmiss("import", "jsonl", str(data), "--out", str(content), "--sample", str(size),
                                      *IMPORT_OPTIONS)).row()
    marker.write_text(json.dumps({"key": key, "measured": measured}), encoding="utf-8")
    return measured


def site_config(work: Path) -> Path:
    """The project's mkdocs.yml with absolute paths to its docs and theme overrides."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = work / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def _write(path: Path, result: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

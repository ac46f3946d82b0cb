#!/usr/bin/env python3
"""Speed and memory of related reports and themes at scale, cold, cached and after one changed report.

    python bench/related_speed.py [--data ../shared/data/scale/narratives.jsonl] [--reports 30000] [--work DIR]
    python bench/related_speed.py --documents-only 100000     # analysis alone on N documents, no import

The first run imports `--reports` records (evenly spaced through the file) with `nearmiss import jsonl` into
`--work` (kept for later runs) and adds a themes.yml. Then, in this process: load the corpus; analyse it cold
(fit, related, curated themes, facet counts); again with nothing changed (cache hit); after one report's text
changed (incremental); after changing it back. Prints wall and CPU seconds per step and the peak RSS.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analysis.site import analyse_for_site
from generator.corpus import Corpus, load_corpus

THEMES = """themes:
  - slug: falls-from-height
    title: Falls from height
    description: Ladders, roofs, scaffolds and trailers.
    seeds: [fell, ladder, roof, scaffold, fall protection, feet]
  - slug: struck-by-vehicles
    title: Struck by vehicles
    description: People hit by trucks, loaders and cars.
    seeds: [struck by, truck, backing, forklift, vehicle, run over]
  - slug: radio-communication
    title: Radio and communication failures
    description: Messages that did not get through.
    seeds: [radio, frequency, dispatch, communication, repeater, could not hear]
  - slug: burns-and-fire
    title: Burns and fire
    description: Flames, hot surfaces and explosions.
    seeds: [burns, fire, flash, explosion, torch, hot]
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "scale" / "narratives.jsonl")
    parser.add_argument("--reports", type=int, default=30000)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "nearmiss-related-speed")
    parser.add_argument("--documents-only", type=int, default=0, help="analyse N documents without import/corpus")
    args = parser.parse_args()
    print(f"# {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    if args.documents_only:
        documents_only(args.data, args.documents_only)
        return
    content = args.work / f"content-{args.reports}"
    if not (content / "reports").is_dir():
        import_scale(args.data, content, args.reports)
    cache = args.work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    corpus = step("load corpus", lambda: load_corpus(content))
    print(f"# {len(corpus.public)} public reports")
    step("cold: related + themes", lambda: analyse_for_site(corpus, cache_dir=cache), True)
    step("nothing changed (cache)", lambda: analyse_for_site(corpus, cache_dir=cache), True)
    changed = one_changed(corpus)
    step("one report changed", lambda: analyse_for_site(changed, cache_dir=cache), True)
    step("changed back", lambda: analyse_for_site(corpus, cache_dir=cache), True)
    print(f"# peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"load average {os.getloadavg()[0]:.2f} at end")


def step(name, function, facets=False):
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    if facets:  # the thematic index: facet values, their cases and what comes with them
        from generator.pages.facets import facet_values, seen_with

        facet_values(corpus_of(result, function)), seen_with(corpus_of(result, function))
    mode = f" ({result.mode})" if hasattr(result, "mode") else ""
    print(f"| {name}{mode} | {time.perf_counter() - wall:6.2f} s wall | {time.process_time() - cpu:6.2f} s CPU | "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:6.0f} MB peak RSS |", flush=True)
    return result


def corpus_of(result, function):
    return function.__closure__ and next(c.cell_contents for c in function.__closure__
                                         if isinstance(c.cell_contents, Corpus))


def one_changed(corpus: Corpus) -> Corpus:
    """The corpus with one report's account of what happened extended by a sentence."""
    reports = list(corpus.reports)
    index = len(reports) // 3
    report = reports[index]
    section = report.sections["what-happened"]
    sections = dict(report.sections)
    sections["what-happened"] = dataclasses.replace(section, text=section.text + " A ladder slipped on wet rock.")
    reports[index] = dataclasses.replace(report, sections=sections)
    return Corpus(corpus.content_dir, corpus.taxonomy, reports)


def import_scale(data: Path, content: Path, reports: int) -> None:
    from generator.importer.run import import_file
    from generator.importer.spec import ImportSpec

    spec = ImportSpec(text="text", title="title", id="id", dates=("date",),
                      maps=(("lessons_learned", "lesson"), ("lessons_learned", "recommendation"),
                            ("follow_up", "action_taken"), ("follow_up", "corrective_action")),
                      published=dt.date(2026, 11, 1), sample=reports)
    started = time.perf_counter()
    result = import_file("jsonl", data, content, spec)
    (content / "themes.yml").write_text(THEMES, encoding="utf-8")
    print(f"# imported {result.reports} reports in {time.perf_counter() - started:.1f} s "
          f"(redaction: {result.redacted})")


def documents_only(data: Path, count: int) -> None:
    from generator.analysis.engine import full_analysis
    from generator.analysis.options import AnalysisOptions
    from generator.analysis.text import Document

    records = [json.loads(line) for line in data.open(encoding="utf-8")]
    documents = []
    for number in range(count):
        record = records[number % len(records)]
        documents.append(Document(f"D{number:07d}", record.get("title") or "", "", (record["text"],), ()))
    step(f"analysis of {count} documents", lambda: full_analysis(documents, [], AnalysisOptions()))
    print(f"# peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

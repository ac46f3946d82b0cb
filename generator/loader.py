"""Load a content directory: read and hash every report file, parse (and scan) only the ones the cache lacks.

Three stages, each timed: `read` (bytes and SHA-256 of every file), `schema` (parse and validate the files that
changed, in a process pool when there are many) and `scan` (identifier findings of the reports that have a page,
likewise). Cached, computed in a pool, or computed here: every report goes through the same encoding, so the
result is the same (tested).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.corpus import Corpus, content_paths, cross_check
from generator.errors import Problem
from generator.parallel import map_items
from generator.privacy.findings import finding_problems
from generator.progress import Progress
from generator.report import Report, read_report
from generator.reportcache import (
    ReportCache,
    cache_file,
    code_version,
    decode_problems,
    decode_report,
    encode_problems,
    encode_report,
)
from generator.taxonomy import Taxonomy, load_taxonomy
from generator.timing import StageTimes


@dataclass
class Loaded:
    """A corpus, and the identifier findings of each report with a page (by path) when scanning was asked for."""

    corpus: Corpus
    findings: dict[str, list[Problem]] | None = None
    counts: dict[str, int] = field(default_factory=dict)  # files, parsed, scanned: what the cache did not have


def load_content(content_dir: Path | str, *, scan: bool = False, cache_dir: Path | str | None = None, jobs: int = 1,
                 times: StageTimes | None = None, label: str = "check") -> Loaded:
    """Load every report of a content directory (and its findings with `scan`), reusing the cache in `cache_dir`.

    Raises NearmissError only for an unusable directory; problems in reports are collected in the corpus.
    """
    content_dir = Path(content_dir)
    times = times or StageTimes()
    taxonomy_path, reports_dir = content_paths(content_dir)
    with times.stage("read"):
        taxonomy = load_taxonomy(taxonomy_path)
        key = code_version() + hashlib.sha256(taxonomy_path.read_bytes()).hexdigest()[:16]
        cache = ReportCache(cache_file(cache_dir, content_dir) if cache_dir is not None else None, key)
        # os.listdir and string sorting: the same order as sorted(glob("*.md")), in a tenth of the time.
        names = sorted(name for name in os.listdir(reports_dir) if name.endswith(".md") and not name.startswith("."))
        files = [(path, _read(path)) for path in (reports_dir / name for name in names)]
        shas = [hashlib.sha256(data).hexdigest() if isinstance(data, bytes) else "" for _, data in files]
        entries = [cache.lookup(path.name, sha) if isinstance(data, bytes) else _unreadable(data)
                   for (path, data), sha in zip(files, shas)]
        cache.keep_only({path.name for path, _ in files})
    counts = {"files": len(files)}
    with times.stage("schema"):
        missing = [index for index, entry in enumerate(entries) if entry is None]
        counts["parsed"] = len(missing)
        parsed = _run(_parse_file, [(str(files[i][0]), files[i][1]) for i in missing], jobs, taxonomy_path,
                      f"{label}: reading changed reports", "reports")
        for index, entry in zip(missing, parsed):
            entries[index] = entry | {"sha": shas[index]}
            cache.store(files[index][0].name, entries[index])
        reports, problems = _assemble(files, entries)
    findings = None
    if scan:
        with times.stage("scan"):
            findings = _scan(files, entries, reports, cache, jobs, taxonomy_path, label, counts)
    files.clear()  # the bytes are no longer needed; the corpus is what stays in memory
    cache.save()
    problems += cross_check(reports)
    corpus = Corpus(content_dir, taxonomy, sorted(reports, key=lambda report: report.id), sorted(problems))
    return Loaded(corpus, findings, counts)


def _read(path: Path) -> bytes | OSError:
    try:
        return path.read_bytes()
    except OSError as error:
        return error


def _unreadable(error: OSError) -> dict:
    # Never stored: the next run tries the file again.
    return {"report": None, "problems": [[1, "file", f"cannot read: {error}"]]}


def _assemble(files: list, entries: list[dict]) -> tuple[list[Report], list[Problem]]:
    reports, problems = [], []
    for (path, _), entry in zip(files, entries):
        problems += decode_problems(entry["problems"], str(path))
        if entry["report"] is not None:
            reports.append(decode_report(entry["report"], str(path)))
    return reports, problems


def _scan(files, entries, reports, cache, jobs, taxonomy_path, label, counts) -> dict[str, list[Problem]]:
    by_path = {report.path: report for report in reports}
    todo = [index for index, entry in enumerate(entries) if entry["report"] is not None and "findings" not in entry]
    counts["scanned"] = len(todo)
    results = _run(_scan_report, [by_path[str(files[i][0])] for i in todo], jobs, taxonomy_path,
                   f"{label}: scanning for identifiers", "reports")
    for index, rows in zip(todo, results):
        entries[index] = entries[index] | {"findings": rows}
        cache.store(files[index][0].name, entries[index])
    return {str(path): decode_problems(entry["findings"], str(path))
            for (path, _), entry in zip(files, entries) if entry["report"] is not None}


def _run(function, items: list, jobs: int, taxonomy_path: Path, label: str, unit: str) -> list:
    if not items:
        return []
    with Progress(label, len(items), unit=unit) as progress:
        return map_items(function, items, jobs=jobs, progress=progress, initializer=_init_worker,
                         initargs=(str(taxonomy_path),))


_taxonomy: Taxonomy | None = None


def _init_worker(taxonomy_path: str) -> None:
    global _taxonomy
    _taxonomy = load_taxonomy(taxonomy_path)


def _parse_file(item: tuple[str, bytes]) -> dict:
    """Parse one file's bytes, read as `Path.read_text` would (UTF-8, universal newlines)."""
    path, data = item
    try:
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        return {"report": None, "problems": [[1, "file", f"cannot read: {error}"]]}
    report, problems = read_report(Path(path), _taxonomy, text)
    return {"report": encode_report(report) if report is not None else None, "problems": encode_problems(problems)}


def _scan_report(report: Report) -> list[list]:
    """Findings of one report; none for a draft, which has no page."""
    return encode_problems(finding_problems(report)) if report.has_page else []

"""The report cache and the loader: cached, parallel and serial loading give the same corpus and findings, and the
cache is invalidated by a change in a report, in the taxonomy, or in the code that parses and scans reports."""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest

from generator import loader, parallel, reportcache
from generator.corpus import load_corpus
from generator.loader import load_content
from generator.privacy.findings import finding_problems

LEAK = "I was riding with Ofc. J. Carter that night."


def snapshot(loaded):
    """Everything a report holds, the fields that equality leaves out included."""
    reports = [(report, report.body, report.body_line, report.field_lines, report.sections)
               for report in loaded.corpus.reports]
    return reports, loaded.corpus.problems, loaded.findings


def plant(content: Path, report: str = "NM-2025-0001.md", text: str = LEAK) -> Path:
    path = content / "reports" / report
    path.write_text(path.read_text().replace("## What happened\n\n", f"## What happened\n\n{text}\n\n", 1))
    return path


@pytest.fixture
def cache_dir(tmp_path) -> Path:
    return tmp_path / "cache"


def test_cached_load_equals_the_reference_parser(content_copy, cache_dir):
    first = load_content(content_copy, scan=True, cache_dir=cache_dir)
    second = load_content(content_copy, scan=True, cache_dir=cache_dir)
    assert first.counts == {"files": 4, "parsed": 4, "scanned": 4}
    assert second.counts == {"files": 4, "parsed": 0, "scanned": 0}
    assert snapshot(first) == snapshot(second)
    reference = load_corpus(content_copy)
    assert snapshot(second)[0] == snapshot(type(second)(reference))[0]
    assert second.findings == {report.path: finding_problems(report) for report in reference.reports}


def test_a_changed_report_is_parsed_and_scanned_again(content_copy, cache_dir):
    load_content(content_copy, scan=True, cache_dir=cache_dir)
    path = plant(content_copy)
    loaded = load_content(content_copy, scan=True, cache_dir=cache_dir)
    assert loaded.counts == {"files": 4, "parsed": 1, "scanned": 1}
    assert any("Carter" in problem.message for problem in loaded.findings[str(path)])


def test_problems_of_an_invalid_report_are_cached_with_their_lines(content_copy, cache_dir):
    path = content_copy / "reports" / "NM-2025-0001.md"
    path.write_text(path.read_text().replace("event_type: traffic-stop", "event_type: nope"))
    first = load_content(content_copy, cache_dir=cache_dir).corpus.problems
    second = load_content(content_copy, cache_dir=cache_dir).corpus.problems
    assert first == second == load_corpus(content_copy).problems
    assert [(problem.line, problem.field) for problem in second] == [(12, "event_type")]


def test_a_taxonomy_change_invalidates_every_entry(content_copy, cache_dir):
    load_content(content_copy, cache_dir=cache_dir)
    taxonomy = content_copy / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text() + "\n# a comment changes the bytes\n")
    assert load_content(content_copy, cache_dir=cache_dir).counts["parsed"] == 4


def test_a_code_change_invalidates_every_entry(content_copy, cache_dir, monkeypatch):
    load_content(content_copy, scan=True, cache_dir=cache_dir)
    monkeypatch.setattr(loader, "code_version", lambda: "another version of the scanner")
    assert load_content(content_copy, scan=True, cache_dir=cache_dir).counts == {"files": 4, "parsed": 4, "scanned": 4}


def test_code_version_covers_the_scanner_and_its_word_lists(tmp_path, monkeypatch):
    copy = tmp_path / "generator"
    for name in reportcache.CODE_FILES:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(reportcache.GENERATOR / name, copy / name)
    shutil.copytree(reportcache.GENERATOR / "deid", copy / "deid", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(reportcache, "GENERATOR", copy)
    versions = []
    for change in (None, "deid/scanner.py", next((copy / "deid" / "data").iterdir()).relative_to(copy), "schema.py"):
        if change is not None:
            with (copy / change).open("ab") as handle:
                handle.write(b"\n")
        reportcache.code_version.cache_clear()
        versions.append(reportcache.code_version())
    reportcache.code_version.cache_clear()
    assert len(set(versions)) == 4


def test_code_files_list_every_module_the_parser_and_scanner_import():
    listed = {reportcache.GENERATOR / name for name in reportcache.CODE_FILES}
    todo, seen = [reportcache.GENERATOR / "report.py", reportcache.GENERATOR / "privacy" / "findings.py"], set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator."):
                parts = node.module.split(".")[1:]
                if parts[0] in reportcache.CODE_DIRS:
                    continue
                module = reportcache.GENERATOR.joinpath(*parts)
                todo.append(module.with_suffix(".py") if module.with_suffix(".py").exists() else module / "__init__.py")
    assert {path for path in seen if path.name != "__init__.py"} <= listed


def test_an_unreadable_or_corrupt_cache_is_ignored(content_copy, cache_dir):
    load_content(content_copy, cache_dir=cache_dir)
    [stored] = cache_dir.iterdir()
    stored.write_text("{not json")
    assert load_content(content_copy, cache_dir=cache_dir).counts["parsed"] == 4
    assert json.loads(stored.read_text())["key"]  # rewritten


def test_deleted_reports_leave_the_cache(content_copy, cache_dir):
    load_content(content_copy, cache_dir=cache_dir)
    (content_copy / "reports" / "NM-2025-0027.md").unlink()
    load_content(content_copy, cache_dir=cache_dir)
    [stored] = cache_dir.iterdir()
    assert sorted(json.loads(stored.read_text())["entries"]) == ["NM-2025-0001.md", "NM-2025-0002.md",
                                                                 "NM-2025-0009.md"]


def test_a_file_that_is_not_utf8_is_a_problem_not_a_crash(content_copy, cache_dir):
    (content_copy / "reports" / "NM-2025-0099.md").write_bytes(b"---\nid: \xff\n---\n")
    [problem] = load_content(content_copy, cache_dir=cache_dir).corpus.problems
    assert problem.path.endswith("NM-2025-0099.md") and problem.field == "file" and "cannot read" in problem.message


def test_parallel_loading_equals_serial_loading(content_copy, monkeypatch):
    plant(content_copy)
    serial = load_content(content_copy, scan=True, jobs=1)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 1)
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 1)
    assert snapshot(load_content(content_copy, scan=True, jobs=2)) == snapshot(serial)


def test_map_items_keeps_order_in_a_pool():
    assert parallel.map_items(str, list(range(25)), jobs=2, min_parallel=1) == [str(n) for n in range(25)]

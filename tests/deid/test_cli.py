"""`nearmiss scan` and `nearmiss redact`: output format, exit codes, front matter, JSON lines, in-place writes."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.cli import main

REPORT = """---
id: NM-TEST-1
title: Ofc. J. Carter and I stopped a van on Wayne Ave
summary: 'On 3/10/15 we nearly got hit.'
published: 2025-02-03
deid_reviewed: ["wayne  ave"]
tags: [night]
---

## What happened

I was riding with Ofc. J. Carter on 14 March 2023. Call 937-555-0123.
"""
CLEAN = """---
id: NM-TEST-2
title: A quiet stop
published: 2025-02-03
---

The Sergeant told us to use Stop Sticks. Officer Safety first.
"""


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_scan_reports_findings_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(REPORT)
    result = run("scan", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f'{path}:3:8: PERSON auto 0.96 "Ofc. J. Carter" (rank/title + name)' in lines
    assert any(line.startswith(f"{path}:3:46: ADDRESS") and line.endswith("[acknowledged]") for line in lines)
    assert any(line.startswith(f"{path}:4:14: DATE") and '"3/10/15"' in line for line in lines)
    assert any(line.startswith(f"{path}:12:") and '"937-555-0123"' in line for line in lines)
    assert not any("2025-02-03" in line for line in lines)  # structured front matter is not free text
    assert lines[-1].startswith("1 file(s) scanned:") and "1 acknowledged" in lines[-1]


def test_scan_clean_and_acknowledged_files_exit_0(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CLEAN)
    (tmp_path / "b.md").write_text(REPORT.replace('["wayne  ave"]', '["Wayne Ave", "Ofc. J. Carter", "3/10/15", '
                                                    '"14 March 2023", "937-555-0123"]'))
    (tmp_path / "notes.txt").write_text("Call 937-555-0123")  # not a report: directories give only *.md
    result = run("scan", str(tmp_path))
    assert result.exit_code == 0, result.stdout
    assert "2 file(s) scanned: 0 finding(s)" in result.stdout


def test_scan_defaults_to_content_reports(tmp_path: Path, monkeypatch) -> None:
    reports = tmp_path / "content" / "reports"
    reports.mkdir(parents=True)
    (reports / "x.md").write_text(REPORT)
    monkeypatch.chdir(tmp_path)
    result = run("scan")
    assert result.exit_code == 1
    assert "content/reports/x.md:3:8: PERSON" in result.stdout


def test_scan_jsonl_keeps_order_and_ids() -> None:
    lines = [{"id": "b", "text": "Call 937-555-0123"}, {"id": 7, "text": "nothing here"},
             {"id": "a", "text": "Ofc. J. Carter"}]
    result = run("scan", "--jsonl", input="".join(json.dumps(x) + "\n" for x in lines))
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["b", 7, "a"]
    assert out[0]["findings"][0] == {"type": "PHONE", "start": 5, "end": 17, "text": "937-555-0123",
                                     "confidence": 0.97, "reason": "phone number (validated)", "tier": "auto"}
    assert out[1]["findings"] == []
    assert out[2]["findings"][0]["type"] == "PERSON"


def test_scan_jsonl_malformed_line_exits_2_after_earlier_output() -> None:
    data = '{"id": 1, "text": "Call 937-555-0123"}\n{"id": 2, "text": "x"}\n{not json\n{"id": 4, "text": "y"}\n'
    result = run("scan", "--jsonl", input=data)
    assert result.exit_code == 2
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 2]
    assert "line 3" in result.stderr


def test_scan_jsonl_requires_text_field() -> None:
    result = run("scan", "--jsonl", input='{"id": 1}\n')
    assert result.exit_code == 2
    assert "line 1" in result.stderr and "text" in result.stderr


def test_redact_stdin_to_stdout() -> None:
    result = run("redact", input="Ofc. J. Carter called 937-555-0123.\n")
    assert result.exit_code == 0
    assert result.stdout == "[REDACTED-PERSON] called [REDACTED-PHONE].\n"


def test_redact_tiers() -> None:
    text = "we met near the family dollar on troy st by the light."
    assert run("redact", input=text).stdout == text
    assert "[REDACTED-ADDRESS]" in run("redact", "--tier", "all", input=text).stdout
    assert "[REDACTED-ADDRESS]" in run("redact", "--tier", "review", input=text).stdout


def test_redact_in_place_keeps_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(REPORT)
    result = run("redact", "--in-place", str(path))
    assert result.exit_code == 0
    out = path.read_text()
    front = yaml.safe_load(out.split("---")[1])
    assert front["title"] == "[REDACTED-PERSON] and I stopped a van on Wayne Ave"  # acknowledged street kept
    assert front["summary"] == "On [REDACTED-DATE] we nearly got hit."
    assert front["published"].isoformat() == "2025-02-03" and front["tags"] == ["night"]
    assert "I was riding with [REDACTED-PERSON] on [REDACTED-DATE]. Call [REDACTED-PHONE]." in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md"]  # no temp file left behind
    assert run("scan", str(path)).exit_code == 0
    run("redact", "--in-place", str(path))
    assert path.read_text() == out  # idempotent


def test_redact_prints_files_without_changing_them(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(REPORT)
    result = run("redact", str(path))
    assert result.exit_code == 0
    assert "[REDACTED-PHONE]" in result.stdout
    assert path.read_text() == REPORT


def test_redact_in_place_needs_a_path() -> None:
    result = run("redact", "--in-place", input="x")
    assert result.exit_code == 2

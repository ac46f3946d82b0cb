"""`nearmiss check`: output format and exit codes (a contract other tools depend on)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

BROKEN = Path(__file__).parent / "fixtures" / "broken"


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_clean_content_exits_zero(fixture_content):
    result = run("check", "--content", str(fixture_content))
    assert result.exit_code == 0
    assert "4 reports checked, no problems." in result.output


def test_each_problem_is_one_line_path_line_field_message(content_copy):
    shutil.copy(BROKEN / "day-in-month.md", content_copy / "reports")
    shutil.copy(BROKEN / "unknown-vocabulary.md", content_copy / "reports")
    result = run("check", "--content", str(content_copy))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(str(content_copy))]
    assert lines == [
        f"{content_copy}/reports/day-in-month.md:6: event_month: \"2024-11-14\" gives a day; give only the month (YYYY-MM) so the event cannot be pinpointed",
        lines[1],
    ]
    assert lines[1].startswith(f"{content_copy}/reports/unknown-vocabulary.md:12: event_type: unknown value \"trafic-stop\" (did you mean \"traffic-stop\"?); allowed: traffic-stop, ")
    assert "2 problem(s) in 2 file(s)." in result.output


def test_github_format_prints_workflow_annotations(content_copy):
    shutil.copy(BROKEN / "day-in-month.md", content_copy / "reports")
    result = run("check", "--content", str(content_copy), "--format", "github")
    assert result.exit_code == 1
    assert f"::error file={content_copy}/reports/day-in-month.md,line=6,title=event_month::\"2024-11-14\" gives a day" in result.output


def test_missing_content_directory_exits_one_with_a_clear_message(tmp_path):
    result = run("check", "--content", str(tmp_path / "missing"))
    assert result.exit_code == 1
    assert "taxonomy.yml:1: taxonomy: file not found" in result.output

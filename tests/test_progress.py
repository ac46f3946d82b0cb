"""Progress output: quiet plain lines when stderr is not a terminal, machine lines from the MkDocs child relayed as
plain lines, nothing for short steps; and the one-screen build summary."""

from __future__ import annotations

import io

from click.testing import CliRunner

from generator import progress
from generator.cli import main
from generator.progress import Progress, Relay


def lines(stream: io.StringIO) -> list[str]:
    return stream.getvalue().splitlines()


def test_plain_mode_prints_a_line_per_quarter():
    stream = io.StringIO()
    with Progress("check: scanning", 1000, unit="reports", style="plain", stream=stream) as step:
        for _ in range(20):
            step.advance(50)
    shown = lines(stream)
    assert shown[:4] == ["check: scanning: 1000 reports", "check: scanning: 25% (250/1000)",
                         "check: scanning: 50% (500/1000)", "check: scanning: 75% (750/1000)"]
    assert shown[4].startswith("check: scanning: done in ") and len(shown) == 5


def test_short_steps_print_nothing():
    stream = io.StringIO()
    with Progress("check: scanning", progress.MIN_SHOWN - 1, style="plain", stream=stream) as step:
        step.advance(10)
    assert lines(stream) == []


def test_the_default_mode_is_plain_without_a_terminal(monkeypatch):
    monkeypatch.delenv("NEARMISS_PROGRESS", raising=False)
    assert progress.mode() == "plain"  # pytest captures stderr: not a terminal
    monkeypatch.setenv("NEARMISS_PROGRESS", "off")
    assert progress.mode() == "off"


def test_child_lines_are_relayed_as_plain_lines():
    child, parent = io.StringIO(), io.StringIO()
    with Progress("build: writing pages", 800, unit="pages", style="child", stream=child) as step:
        for _ in range(8):
            step.advance(100)
    relay = Relay(style="plain", stream=parent)
    output = [line for line in lines(child) + ["INFO    -  a line of MkDocs' own"] if not relay.feed(line)]
    relay.close()
    assert output == ["INFO    -  a line of MkDocs' own"]
    assert lines(parent)[0] == "build: writing pages: 800 pages"
    assert lines(parent)[1:4] == ["build: writing pages: 25% (200/800)", "build: writing pages: 50% (400/800)",
                                  "build: writing pages: 75% (600/800)"]
    assert lines(parent)[-1].startswith("build: writing pages: done in ")


def test_check_shows_progress_on_stderr_in_plain_mode(content_copy, monkeypatch):
    monkeypatch.setattr(progress, "MIN_SHOWN", 1)
    monkeypatch.setenv("NEARMISS_PROGRESS", "plain")
    result = CliRunner().invoke(main, ["check", "--content", str(content_copy), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "check: reading changed reports: 4 reports" in result.stderr
    assert "check: scanning for identifiers: done in" in result.stderr
    assert result.stdout == ""
    again = CliRunner().invoke(main, ["check", "--content", str(content_copy)])
    assert "check: scanning" not in again.stderr  # everything came from the cache

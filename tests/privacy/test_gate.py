"""The publication gate: unacknowledged identifiers and small groups stop `check` and `build`."""

from __future__ import annotations

import re

from click.testing import CliRunner

from generator.check import run_check
from generator.cli import main
from tests.conftest import write_site_config

LEAK = "I was riding with Ofc. J. Carter that night."


def plant(content, text=LEAK, report="NM-2025-0001.md", front=""):
    path = content / "reports" / report
    original = path.read_text()
    updated = original.replace("## What happened\n\n", f"## What happened\n\n{text}\n\n", 1)
    if front:
        updated = updated.replace("\n---\n", f"\n{front}\n---\n", 1)
    path.write_text(updated)
    return path


def test_clean_fixture_content_passes_the_gate(fixture_content):
    result = run_check(fixture_content)
    assert result.ok, [str(p) for p in result.all_problems]


def test_an_identifier_in_the_body_fails_with_its_line_and_column(content_copy):
    path = plant(content_copy)
    result = run_check(content_copy)
    assert result.problems == []
    [problem] = [p for p in result.gate_problems if "Carter" in p.message]
    assert problem.path == str(path) and problem.field == "body"
    line = path.read_text().splitlines()[problem.line - 1]
    assert line.startswith("I was riding with Ofc. J. Carter")
    found = re.match(r'PERSON "([^"]+)" \(auto, [^)]+\) at column (\d+)', problem.message)
    assert found and "Carter" in found.group(1)
    column = int(found.group(2))
    assert line[column - 1:].startswith(found.group(1))


def test_a_reviewer_acknowledgement_in_front_matter_clears_it(content_copy):
    plant(content_copy, text="We heard Officer Down on the radio and ran.",
          front='deid_reviewed: ["Officer Down"]')
    result = run_check(content_copy)
    assert result.ok, [str(p) for p in result.all_problems]


def test_small_groups_fail_unless_acknowledged(content_copy):
    path = content_copy / "reports" / "NM-2025-0002.md"
    path.write_text("\n".join(line for line in path.read_text().splitlines() if not line.startswith("kanon_reviewed")) + "\n")
    result = run_check(content_copy, k=3)
    [problem] = result.gate_problems
    assert problem.path == str(path) and problem.field == "quasi-identifiers" and problem.line == 6
    assert "only 1 published report(s) share region=south-atlantic" in problem.message
    assert run_check(content_copy, k=1).ok


def test_check_cli_prints_gate_problems_and_exits_one(content_copy):
    plant(content_copy)
    result = CliRunner().invoke(main, ["check", "--content", str(content_copy), "--format", "github"])
    assert result.exit_code == 1
    assert re.search(r',title=body::PERSON "[^"]*Carter"', result.output)


def test_build_refuses_then_builds_a_marked_preview(tmp_path, content_copy):
    plant(content_copy)
    config = write_site_config(tmp_path, content_copy)
    site = tmp_path / "site"
    args = ["build", "--content", str(content_copy), "--site", str(site), "--config", str(config)]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 1 and "the de-identification gate failed" in refused.output
    assert not site.exists()

    preview = CliRunner().invoke(main, args + ["--preview"])
    assert preview.exit_code == 0, preview.output
    assert "Building a PREVIEW despite 1 gate problem(s)" in preview.output
    for page in site.rglob("index.html"):
        html = page.read_text()
        assert '<meta name="robots" content="noindex, nofollow">' in html, page
        assert "Preview, not for publication." in html, page


def test_published_build_has_no_preview_marks(built_site):
    html = (built_site / "index.html").read_text()
    assert "noindex" not in html and "Preview, not for publication" not in html and "md-banner" not in html

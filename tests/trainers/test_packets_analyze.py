"""Training packets, citations, and `nearmiss analyze` / `nearmiss packet` output files."""

from __future__ import annotations

import csv
import io
import json
import re

from click.testing import CliRunner

from generator.cli import main
from generator.corpus import load_corpus
from generator.pages.citation import cite


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_citation_formats_carry_the_permanent_url_and_date(fixture_content):
    report = load_corpus(fixture_content).by_id["NM-2025-0009"]
    citation = cite(report, site_name="Test & Library", site_url="https://example.org/cases")
    url = "https://example.org/cases/reports/NM-2025-0009/"
    assert citation.text.endswith(f"Case NM-2025-0009, published 2025-07-07. {url}")
    assert "author = {{Test \\& Library}}" in citation.bibtex and f"url = {{{url}}}" in citation.bibtex
    [item] = json.loads(citation.csl_json)
    assert item["URL"] == url and item["issued"] == {"date-parts": [[2025, 7, 7]]} and item["type"] == "report"


def test_packet_command_writes_one_self_contained_file(fixture_content, tmp_path):
    out = tmp_path / "packet.html"
    result = run("packet", "--content", fixture_content, "NM-2025-0027", "NM-2025-0009", "--title", "Weapons <b>",
                 "--out", out)
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "<title>Weapons &lt;b&gt;</title>" in html
    assert html.index("Folding knife") < html.index("Revolver at the small of his back")  # the order given
    assert "Discussion questions" in html and "Lessons learned" in html
    assert not re.search(r"<(script|link|img)\b", html) and "src=" not in html
    assert "default-src 'none'" in html


def test_packet_command_rejects_unknown_cases(fixture_content, tmp_path):
    result = run("packet", "--content", fixture_content, "NM-2099-0001", "--title", "T", "--out", tmp_path / "p.html")
    assert result.exit_code == 1 and 'unknown or unpublished case "NM-2099-0001"' in result.output
    assert not (tmp_path / "p.html").exists()


def test_analyze_html_has_charts_tables_and_matching_cases(fixture_content, tmp_path):
    out = tmp_path / "a.html"
    result = run("analyze", "--content", fixture_content, "--factor", "concealed-missed-weapon", "--k", "1", "--out", out)
    assert result.exit_code == 0, result.output
    assert "(2 matching case(s))" in result.output
    html = out.read_text()
    assert html.count("<svg") >= 6 and 'role="img"' in html and "<table" in html
    assert "Revolver at the small of his back" in html and "Folding knife" in html
    assert "Passenger&#39;s hand went under the seat" not in html


def test_analyze_csv_suppresses_small_counts(fixture_content, tmp_path):
    out = tmp_path / "a.csv"
    assert run("analyze", "--content", fixture_content, "--out", out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows[0]["dimension"] == "selection" and rows[0]["cases"] == "4"
    by_key = {(row["dimension"], row["value"]): row["cases"] for row in rows}
    assert by_key[("event_type", "foot-pursuit")] == "fewer than 3"
    assert all(value == "fewer than 3" or int(value) >= 3 for value in by_key.values())


def test_analyze_rejects_unknown_values_with_a_hint(fixture_content, tmp_path):
    result = run("analyze", "--content", fixture_content, "--event-type", "trafic-stop", "--out", tmp_path / "a.html")
    assert result.exit_code == 1 and 'did you mean "traffic-stop"?' in result.output

"""`nearmiss import csv|jsonl`: valid content directories from real-world exports, or precise errors."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.analysis.text import NOT_RECORDED
from generator.check import run_check
from generator.cli import main
from generator.corpus import load_corpus
from generator.importer import prose

FIXTURES = Path(__file__).parent / "fixtures"
CSV_ARGS = ["--text-column", "Narrative", "--title-column", "Headline", "--id-column", "Report ID",
            "--date-column", "Date", "--map", "event_type=Type", "--map", "contributing_factors=Factors",
            "--map", "lessons_learned=Lessons", "--published", "2026-01-15"]


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture(autouse=True)
def no_redaction(monkeypatch):
    """Import without the identifier scanner unless a test asks for it: the scanner is another module's."""
    monkeypatch.setattr(prose, "load_redactor", lambda: None)


@pytest.fixture
def imported_csv(tmp_path):
    out = tmp_path / "content"
    result = run("import", "csv", FIXTURES / "reports.csv", "--out", out, *CSV_ARGS)
    assert result.exit_code == 0, result.output
    return out


def test_csv_import_writes_a_directory_that_check_accepts(imported_csv):
    assert sorted(path.name for path in (imported_csv / "reports").iterdir()) == [
        "NM-2024-0100.md", "R2.md", "case-7-b-2.md", "case-7-b.md", "osha-sir-2015010015.md"]
    assert (imported_csv / "taxonomy.yml").is_file()
    result = run_check(imported_csv, gate=False)
    assert result.problems == []
    assert len(result.corpus.public) == 5


def test_valid_source_ids_are_kept_and_others_minted_with_source_id(imported_csv):
    corpus = load_corpus(imported_csv)
    assert corpus.by_id["NM-2024-0100"].source_id is None
    assert corpus.by_id["R2"].source_id is None
    assert corpus.by_id["case-7-b"].source_id == "case 7/b"
    assert corpus.by_id["case-7-b-2"].source_id == "Case 7 b"  # minted IDs are unique
    assert corpus.by_id["osha-sir-2015010015"].source_id == "osha_sir:2015010015"


def test_dates_become_event_months_and_facets_map_by_label_or_slug(imported_csv):
    corpus = load_corpus(imported_csv)
    months = {report.id: report.event_month for report in corpus.reports}
    assert months == {"NM-2024-0100": "2024-03", "case-7-b": "2024-03", "osha-sir-2015010015": "2024-03",
                      "case-7-b-2": "2024-03", "R2": "2024-03"}
    first = corpus.by_id["NM-2024-0100"]
    assert first.event_type == "traffic-stop" and first.contributing_factors == ("complacency", "tactics")
    assert corpus.by_id["R2"].event_type == "roadside-crash-scene"
    assert corpus.by_id["osha-sir-2015010015"].contributing_factors == ("communication-radio", "equipment")
    assert str(first.published) == "2026-01-15"


def test_unmapped_and_empty_facets_are_unclassified(imported_csv):
    report = load_corpus(imported_csv).by_id["case-7-b"]
    assert report.contributing_factors == ("unclassified",)  # mapped, but the cell is empty
    assert report.region == report.setting == report.loss_potential == "unclassified"  # never mapped
    assert report.what_prevented_harm == ("unclassified",) and report.tags == ()


def test_text_is_made_plain_and_titles_and_summaries_derived(imported_csv):
    corpus = load_corpus(imported_csv)
    report = corpus.by_id["case-7-b"]
    text = report.section_text("what-happened")
    assert "<b>" not in text and "{{" not in text and "&amp;" not in text
    assert "\\## Not a section" in text and "\\# Not a heading" in text
    assert report.title == "We chased a man on foot over a fence."
    assert report.summary.startswith("We chased a man on foot over a fence.")
    assert report.section_text("lessons-learned") == NOT_RECORDED
    assert corpus.by_id["NM-2024-0100"].section_text("lessons-learned") == "Watch the passenger's hands."
    assert corpus.by_id["NM-2024-0100"].title == "Passenger reached under the seat"


def test_jsonl_import_with_the_same_options_naming_keys(tmp_path):
    out = tmp_path / "content"
    result = run("import", "jsonl", FIXTURES / "reports.jsonl", "--out", out, "--text-column", "text",
                 "--title-column", "title", "--id-column", "id", "--date-column", "date",
                 "--map", "contributing_factors=factors", "--map", "lessons_learned=lesson")
    assert result.exit_code == 0, result.output
    corpus = load_corpus(out)
    assert corpus.problems == []
    assert sorted(corpus.by_id) == ["NM-2016-0003", "osha-fatality-1001", "osha-fatality-1002"]
    assert corpus.by_id["osha-fatality-1001"].contributing_factors == ("equipment", "fatigue")
    assert corpus.by_id["osha-fatality-1002"].contributing_factors == ("unclassified",)
    assert corpus.by_id["NM-2016-0003"].section_text("lessons-learned") == "Rest and water every hour."
    assert corpus.by_id["osha-fatality-1002"].event_month == "2016-07"


def test_related_and_check_work_on_an_imported_directory(imported_csv):
    related = run("related", "--content", imported_csv, "--json", "--no-cache")
    assert related.exit_code == 0, related.output
    assert set(json.loads(related.stdout)) == {"NM-2024-0100", "R2", "case-7-b", "case-7-b-2", "osha-sir-2015010015"}


def test_an_import_made_for_publication_passes_the_whole_check(tmp_path):
    # Same month, unclassified quasi-identifiers, no identifying detail: the publication gate has nothing to say.
    source = tmp_path / "plain.csv"
    source.write_text("id,text\n" + "".join(f"P{n},A crew member slipped on wet rock number {n} and caught himself.\n"
                                            for n in range(1, 5)))
    out = tmp_path / "content"
    result = run("import", "csv", source, "--out", out, "--text-column", "text", "--id-column", "id",
                 "--published", "2026-02-01")
    assert result.exit_code == 0, result.output
    assert run_check(out).ok, run_check(out).all_problems
    assert "no date" in result.output  # event_month fell back to the publication month, and says so


def test_numbered_ids_when_there_is_no_id_column(tmp_path):
    out = tmp_path / "content"
    result = run("import", "csv", FIXTURES / "reports.csv", "--out", out, "--text-column", "Narrative",
                 "--id-prefix", "SN")
    assert result.exit_code == 0, result.output
    assert sorted(load_corpus(out).by_id) == ["SN-000001", "SN-000002", "SN-000003", "SN-000004", "SN-000005"]


def test_sample_takes_evenly_spaced_rows(tmp_path):
    out = tmp_path / "content"
    result = run("import", "csv", FIXTURES / "reports.csv", "--out", out, *CSV_ARGS, "--sample", "2")
    assert result.exit_code == 0, result.output
    assert sorted(load_corpus(out).by_id) == ["NM-2024-0100", "osha-sir-2015010015"]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, text, args, expected", [
    ("missing.csv", "id,text\n1,hello there\n", ["--text-column", "Narrative"],
     "missing.csv:1: column 'Narrative': not in the file"),
    ("empty.csv", "id,text\n1,hello there\n2,  \n", ["--text-column", "text"],
     "empty.csv:3: column 'text': empty text"),
    ("date.csv", "id,text,when\n1,hello there,2024-13-01\n", ["--text-column", "text", "--date-column", "when"],
     "date.csv:2: column 'when': \"2024-13-01\" has month 13"),
    ("value.csv", "id,text,kind\n1,hello there,Traffic stopp\n",
     ["--text-column", "text", "--map", "event_type=kind"],
     "value.csv:2: column 'kind': \"Traffic stopp\" is not in Event type (did you mean \"Traffic stop\"?)"),
    ("dupe.csv", "id,text\nA1,hello there\nA1,hello again\n", ["--text-column", "text", "--id-column", "id"],
     "dupe.csv:3: column 'id': duplicate ID \"A1\""),
    ("cells.csv", "id,text\n1,hello,extra\n", ["--text-column", "text"], "cells.csv:2: row: has 3 cells"),
    ("bad.jsonl", '{"text": "fine"}\n{"text": oops}\n', ["--text-column", "text"],
     "bad.jsonl:2: json: not valid JSON"),
    ("list.jsonl", '{"text": "fine"}\n[1, 2]\n', ["--text-column", "text"],
     "list.jsonl:2: json: each line must be a JSON object"),
])
def test_bad_input_names_the_file_line_and_column_and_writes_nothing(tmp_path, name, text, args, expected):
    out = tmp_path / "content"
    kind = "jsonl" if name.endswith(".jsonl") else "csv"
    result = run("import", kind, write(tmp_path, name, text), "--out", out, *args)
    assert result.exit_code == 1
    assert expected in result.output, result.output
    assert "Nothing was written." in result.output
    assert not out.exists()


def test_unknown_values_can_be_imported_as_unclassified(tmp_path):
    source = write(tmp_path, "value.csv", "id,text,kind\n1,hello there,Traffic stopp\n")
    out = tmp_path / "content"
    result = run("import", "csv", source, "--out", out, "--text-column", "text", "--map", "event_type=kind",
                 "--unknown-values", "unclassified")
    assert result.exit_code == 0, result.output
    assert load_corpus(out).reports[0].event_type == "unclassified"


def test_bad_map_and_existing_reports_are_refused(tmp_path, imported_csv):
    result = run("import", "csv", FIXTURES / "reports.csv", "--out", tmp_path / "x", "--text-column", "Narrative",
                 "--map", "evnt_type=Type")
    assert result.exit_code == 1 and 'unknown field "evnt_type" (did you mean "event_type"?)' in result.output
    again = run("import", "csv", FIXTURES / "reports.csv", "--out", imported_csv, *CSV_ARGS)
    assert again.exit_code == 1 and "already holds 5 report(s); use --replace" in again.output
    replaced = run("import", "csv", FIXTURES / "reports.csv", "--out", imported_csv, *CSV_ARGS, "--replace")
    assert replaced.exit_code == 0, replaced.output


def test_text_goes_through_the_redactor_when_there_is_one(tmp_path, monkeypatch):
    monkeypatch.setattr(prose, "load_redactor", lambda: lambda text: text.replace("canyon", "[REDACTED-PLACE]"))
    out = tmp_path / "content"
    result = run("import", "csv", FIXTURES / "reports.csv", "--out", out, *CSV_ARGS)
    assert result.exit_code == 0, result.output
    report = load_corpus(out).by_id["osha-sir-2015010015"]
    assert "[REDACTED-PLACE]" in report.section_text("what-happened") and "canyon" not in report.title
    assert "without redaction" not in result.output


def test_import_works_and_warns_without_the_scanner(tmp_path, monkeypatch):
    monkeypatch.undo()  # the real loader, with the scanner made unimportable
    monkeypatch.setitem(sys.modules, "generator.deid", None)
    assert prose.load_redactor() is None
    out = tmp_path / "content"
    result = run("import", "csv", FIXTURES / "reports.csv", "--out", out, *CSV_ARGS)
    assert result.exit_code == 0, result.output
    assert "text was imported without redaction" in result.output


def test_import_is_deterministic(tmp_path):
    for name in ("a", "b"):
        assert run("import", "csv", FIXTURES / "reports.csv", "--out", tmp_path / name, *CSV_ARGS).exit_code == 0
    for path in (tmp_path / "a" / "reports").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / "reports" / path.name).read_bytes()
    shutil.rmtree(tmp_path / "b")

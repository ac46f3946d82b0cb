"""Loading a content directory: all problems at once, duplicates and cross-references."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.corpus import load_corpus
from generator.errors import NearmissError

BROKEN = Path(__file__).parent / "fixtures" / "broken"


def test_fixture_content_loads_sorted_by_id(fixture_content):
    corpus = load_corpus(fixture_content)
    assert corpus.problems == []
    assert [report.id for report in corpus.reports] == sorted(report.id for report in corpus.reports)
    assert len(corpus.reports) == 4


def test_newest_first_orders_by_publication_then_id(content_copy):
    corpus = load_corpus(content_copy)
    dates = [report.published for report in corpus.newest_first()]
    assert dates == sorted(dates, reverse=True)


def test_every_broken_report_is_reported_in_one_pass(content_copy):
    for path in BROKEN.glob("*.md"):
        shutil.copy(path, content_copy / "reports" / path.name)
    corpus = load_corpus(content_copy)
    broken_files = {Path(problem.path).name for problem in corpus.problems}
    assert broken_files == {path.name for path in BROKEN.glob("*.md")}
    assert len(corpus.reports) == 4  # the valid ones are still loaded


def test_ids_that_differ_only_in_case_are_duplicates(content_copy):
    source = content_copy / "reports" / "NM-2025-0001.md"
    (content_copy / "reports" / "nm-2025-0001.md").write_text(
        source.read_text().replace("id: NM-2025-0001", "id: nm-2025-0001"))
    corpus = load_corpus(content_copy)
    assert any(p.field == "id" and "duplicate ID" in p.message for p in corpus.problems)


def test_superseded_by_must_name_an_existing_report(content_copy):
    path = content_copy / "reports" / "NM-2025-0001.md"
    path.write_text(path.read_text().replace("tags: [night, firearm]",
                                             "tags: [night, firearm]\nstatus: superseded\nsuperseded_by: NM-2099-0001"))
    corpus = load_corpus(content_copy)
    [problem] = corpus.problems
    assert (problem.field, problem.line) == ("superseded_by", 19)
    assert 'unknown report "NM-2099-0001"' in problem.message


def test_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(NearmissError) as raised:
        load_corpus(tmp_path / "nowhere")
    assert "taxonomy.yml:1: taxonomy: file not found" in str(raised.value)

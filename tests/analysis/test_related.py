"""Related reports: determinism, ordering, reasons, withdrawn reports, and the `nearmiss related --json` contract."""

from __future__ import annotations

import json

from click.testing import CliRunner

from generator.analysis.engine import analyse_corpus, full_analysis
from generator.analysis.options import AnalysisOptions
from generator.analysis.reasons import stem
from generator.analysis.related import Link
from generator.analysis.terms import analyse
from generator.cli import main
from generator.corpus import load_corpus
from generator.pages.themes import reason_line
from tests.analysis.helpers import FACET_KEYS, synthetic_documents


def test_analysis_is_deterministic():
    documents = synthetic_documents(80)
    first = full_analysis(documents, FACET_KEYS, AnalysisOptions()).related
    second = full_analysis(synthetic_documents(80), FACET_KEYS, AnalysisOptions()).related
    assert first == second


def test_links_are_best_first_at_most_k_and_above_the_minimum():
    options = AnalysisOptions(k=3, min_score=0.2)
    related = full_analysis(synthetic_documents(80), FACET_KEYS, options).related
    assert len(related) == 80
    for report_id, links in related.items():
        assert len(links) <= 3
        assert all(link.score >= 0.2 and link.id != report_id for link in links)
        keys = [(-link.score, link.id) for link in links]
        assert keys == sorted(keys)


def test_each_link_names_shared_terms_and_shared_facets():
    documents = synthetic_documents(80)
    by_id = {document.id: document for document in documents}
    related = full_analysis(documents, FACET_KEYS, AnalysisOptions()).related
    named_terms = 0
    for report_id, links in related.items():
        for link in links:
            mine, theirs = set(analyse(by_id[report_id].text)), set(analyse(by_id[link.id].text))
            assert set(link.terms) <= mine & theirs
            assert len(link.terms) <= 3
            stems = [{stem(word) for word in term.split()} for term in link.terms]
            assert all(not (a & b) for i, a in enumerate(stems) for b in stems[i + 1:]), "no overlapping terms"
            assert list(link.facets) == [key for key in by_id[report_id].facets if key in by_id[link.id].facets]
            named_terms += bool(link.terms)
    assert named_terms > 0


def test_reason_line_names_facets_by_label_then_terms(taxonomy):
    link = Link("X", 0.5, ("fence line", "flashlight"), ("event_type:foot-pursuit", "contributing_factors:tactics"))
    assert reason_line(link, taxonomy) == "Both: Foot pursuit, Tactics; terms: fence line, flashlight"
    assert reason_line(Link("X", 0.5, ("radio",), ()), taxonomy) == "Terms: radio"


def _withdraw(content, report_id):
    path = content / "reports" / f"{report_id}.md"
    text = path.read_text()
    path.write_text(text.replace("---\n", "---\nstatus: withdrawn\nwithdrawn_reason: Reporter asked.\n", 1))


def test_withdrawn_reports_are_neither_linked_nor_linked_to(content_copy):
    before = analyse_corpus(load_corpus(content_copy), AnalysisOptions(min_score=0.0)).related
    assert any(link.id == "NM-2025-0027" for links in before.values() for link in links)
    _withdraw(content_copy, "NM-2025-0027")
    corpus = load_corpus(content_copy)
    assert corpus.problems == []
    related = analyse_corpus(corpus, AnalysisOptions(min_score=0.0)).related
    assert "NM-2025-0027" not in related
    assert all(link.id != "NM-2025-0027" for links in related.values() for link in links)
    assert set(related) == {report.id for report in corpus.public}


def test_related_json_contract(content_copy):
    result = CliRunner().invoke(main, ["related", "--content", str(content_copy), "-k", "2", "--json", "--no-cache"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(data) == ["NM-2025-0001", "NM-2025-0002", "NM-2025-0009", "NM-2025-0027"]
    for links in data.values():
        assert len(links) <= 2
        for link in links:
            assert set(link) == {"id", "score", "terms", "facets"}
            assert isinstance(link["score"], float) and all(isinstance(term, str) for term in link["terms"])
    again = CliRunner().invoke(main, ["related", "--content", str(content_copy), "-k", "2", "--json", "--no-cache"])
    assert again.stdout == result.stdout


def test_related_refuses_invalid_content_and_names_the_problem(content_copy):
    path = content_copy / "reports" / "NM-2025-0001.md"
    path.write_text(path.read_text().replace("event_type: traffic-stop", "event_type: trafic-stop"))
    result = CliRunner().invoke(main, ["related", "--content", str(content_copy), "--json", "--no-cache"])
    assert result.exit_code == 1
    assert "NM-2025-0001.md" in result.output and "event_type" in result.output

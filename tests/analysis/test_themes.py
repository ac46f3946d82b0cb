"""Curated themes (themes.yml) and `nearmiss themes suggest`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.analysis.clusters import suggest_clusters
from generator.analysis.engine import analyse_corpus, full_analysis
from generator.analysis.options import AnalysisOptions
from generator.analysis.themes import Theme, load_themes, rank_theme
from generator.cli import main
from generator.corpus import load_corpus
from generator.errors import NearmissError
from tests.analysis.helpers import FACET_KEYS, synthetic_documents

THEMES = """themes:
  - slug: missed-weapons
    title: Missed weapons on searches
    description: Weapons found after a search had cleared the person.
    seeds: [missed weapon, pat-down, waistband, revolver, jacket lining]
    pinned: [NM-2025-0027]
"""


def test_themes_file_is_read_with_pins(content_copy):
    (content_copy / "themes.yml").write_text(THEMES)
    [theme] = load_themes(content_copy, {"NM-2025-0027"})
    assert theme == Theme("missed-weapons", "Missed weapons on searches",
                          "Weapons found after a search had cleared the person.",
                          ("missed weapon", "pat-down", "waistband", "revolver", "jacket lining"), ("NM-2025-0027",))
    assert load_themes(content_copy / "nowhere") == []


@pytest.mark.parametrize("old, new, message", [
    ("slug: missed-weapons", "slug: event-type", 'slug "event-type" is taken by the facet pages'),
    ("pinned: [NM-2025-0027]", "pinned: [NM-2099-0001]", "pinned report(s) not found: NM-2099-0001"),
    ("seeds: [missed weapon, pat-down, waistband, revolver, jacket lining]", "seeds: []", "seeds must be"),
    ("title: Missed weapons on searches", "titel: Missed", "unknown key(s): titel"),
])
def test_bad_themes_are_reported_with_file_and_field(content_copy, old, new, message):
    (content_copy / "themes.yml").write_text(THEMES.replace(old, new))
    with pytest.raises(NearmissError) as raised:
        load_themes(content_copy, {"NM-2025-0027"})
    problem = raised.value.problems[0]
    assert problem.path.endswith("themes.yml") and problem.field == "themes[0]" and problem.line == 2
    assert message in problem.message


def test_duplicate_theme_slugs_are_rejected(content_copy):
    (content_copy / "themes.yml").write_text(THEMES + THEMES.split("themes:\n", 1)[1])
    with pytest.raises(NearmissError, match='duplicate slug "missed-weapons"'):
        load_themes(content_copy, {"NM-2025-0027"})


def test_theme_lists_pinned_reports_first_then_ranked_reports_above_the_threshold(content_copy):
    (content_copy / "themes.yml").write_text(THEMES)
    corpus = load_corpus(content_copy)
    options = AnalysisOptions(theme_min_score=0.01)
    analysis = analyse_corpus(corpus, options)
    [theme] = load_themes(content_copy, set(corpus.by_id))
    result = rank_theme(theme, analysis, options)
    assert result.entries[0].id == "NM-2025-0027" and result.entries[0].score is None
    ranked = [entry for entry in result.entries if entry.score is not None]
    assert ranked[0].id == "NM-2025-0009"  # the revolver in the waistband: the best match that is not pinned
    assert [(-e.score, e.id) for e in ranked] == sorted((-e.score, e.id) for e in ranked)
    assert all(entry.score >= 0.01 for entry in ranked)
    assert "NM-2025-0027" not in [entry.id for entry in ranked]
    assert "waistband" in ranked[0].excerpt.lower() or "revolver" in ranked[0].excerpt.lower()
    strict = rank_theme(Theme("t", "T", "D", ("waistband",), (), 0.99), analysis, options)
    assert strict.entries == ()


def test_pinned_reports_that_are_not_public_are_left_out(content_copy):
    path = content_copy / "reports" / "NM-2025-0027.md"
    path.write_text(path.read_text().replace("---\n", "---\nstatus: withdrawn\nwithdrawn_reason: Asked.\n", 1))
    corpus = load_corpus(content_copy)
    analysis = analyse_corpus(corpus)
    result = rank_theme(Theme("t", "T", "D", ("knife",), ("NM-2025-0027",)), analysis, AnalysisOptions())
    assert "NM-2025-0027" not in [entry.id for entry in result.entries]


def test_cluster_suggestions_are_deterministic_and_cover_every_report():
    analysis = full_analysis(synthetic_documents(100), FACET_KEYS, AnalysisOptions())
    first = suggest_clusters(analysis, 5)
    assert first == suggest_clusters(full_analysis(synthetic_documents(100), FACET_KEYS, AnalysisOptions()), 5)
    members = [member for cluster in first for member in cluster.members]
    assert sorted(members) == [document.id for document in analysis.documents]
    assert [len(c.members) for c in first] == sorted((len(c.members) for c in first), reverse=True)
    assert all(cluster.terms for cluster in first)


def test_themes_suggest_prints_the_same_yaml_twice_and_writes_nothing(content_copy):
    before = sorted(path.name for path in content_copy.rglob("*"))
    args = ["themes", "suggest", "--content", str(content_copy), "--clusters", "2", "--no-cache"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "- slug: suggested-1" in first.stdout and "# members: NM-2025-" in first.stdout
    assert CliRunner().invoke(main, args).stdout == first.stdout
    assert sorted(path.name for path in content_copy.rglob("*")) == before

"""Loading taxonomies: the shipped ones are valid, and a broken one is reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import NearmissError
from generator.taxonomy import REQUIRED_VOCABULARIES, UNCLASSIFIED, load_taxonomy

ROOT = Path(__file__).resolve().parent.parent


def test_content_taxonomy_is_the_shipped_law_enforcement_taxonomy():
    shipped = ROOT / "generator" / "taxonomies" / "law-enforcement.yml"
    assert (ROOT / "content" / "taxonomy.yml").read_text() == shipped.read_text()


def test_law_enforcement_taxonomy_has_every_vocabulary_and_the_issue_values():
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy.yml")
    assert set(REQUIRED_VOCABULARIES) <= set(taxonomy.vocabularies)
    assert len(taxonomy["event_type"].terms) == 19
    assert {"fatal", "life-threatening-injury", "lost-time-injury", "minor-injury", "property-damage",
            "harm-to-public"} == set(taxonomy["loss_potential"].slugs)
    assert taxonomy["time_block"].slugs == ["00-06", "06-12", "12-18", "18-24", "unknown"]
    assert all(term.description for vocabulary in taxonomy.vocabularies.values() for term in vocabulary.terms)


def test_region_hierarchy_coarsens_a_state_to_division_then_region():
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy.yml")
    assert taxonomy["region"].ancestors("OH") == ["east-north-central", "midwest"]
    assert taxonomy["region"].ancestors("midwest") == []


def test_unclassified_is_known_to_every_vocabulary(taxonomy):
    assert taxonomy["event_type"].get(UNCLASSIFIED).label == "Unclassified"


def test_broken_taxonomy_lists_every_problem(tmp_path):
    path = tmp_path / "taxonomy.yml"
    path.write_text(
        "vocabularies:\n"
        "  event_type:\n"
        "    terms:\n"
        "      - {slug: a b, label: Bad slug}\n"
        "      - {slug: ok, label: Fine, parent: nowhere}\n"
        "      - {slug: comma, label: Environment, lighting or weather}\n"
        "  region:\n"
        "    terms: []\n"
    )
    with pytest.raises(NearmissError) as raised:
        load_taxonomy(path)
    text = str(raised.value)
    assert 'slug "a b" must match' in text
    assert 'unknown parent "nowhere"' in text
    assert "vocabularies.region: needs a non-empty 'terms' list" in text
    assert "vocabularies.loss_potential: missing" in text
    assert f"{path}:2: vocabularies.event_type" in text
    assert "terms[2]: unknown key(s) lighting or weather: quote values that contain commas" in text

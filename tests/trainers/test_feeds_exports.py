"""Atom feeds and open-data exports."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from xml.etree import ElementTree as ET

from generator.corpus import Corpus, load_corpus
from generator.exports import COLUMNS, reports_csv, reports_json
from generator.feeds import atom_feed

ATOM = "{http://www.w3.org/2005/Atom}"


def feed(corpus, site_url="https://example.org/cases/"):
    xml = atom_feed(title="All cases", feed_path="feeds/all.xml", reports=corpus.newest_first(),
                    taxonomy=corpus.taxonomy, site_url=site_url, site_name="Test library")
    return ET.fromstring(xml.encode())


def test_feed_is_atom_with_required_elements_newest_first(fixture_content):
    root = feed(load_corpus(fixture_content))
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 4
    published = [entry.find(f"{ATOM}published").text for entry in entries]
    assert published == sorted(published, reverse=True)
    assert root.find(f"{ATOM}updated").text == published[0]
    first = entries[0]
    assert first.find(f"{ATOM}summary").text
    assert first.find(f"{ATOM}link").get("href").startswith("https://example.org/cases/reports/NM-")
    assert first.find(f"{ATOM}id").text.startswith("tag:example.org,2025:reports/NM-")


def test_feed_escapes_hostile_titles(fixture_content):
    corpus = load_corpus(fixture_content)
    hostile = dataclasses.replace(corpus.reports[0], title="A <b>bold</b> & ]]> title")
    root = feed(Corpus(corpus.content_dir, corpus.taxonomy, [hostile]))
    assert root.find(f"{ATOM}entry/{ATOM}title").text == "A <b>bold</b> & ]]> title"


def test_exports_hold_published_cases_without_review_metadata(fixture_content):
    corpus = load_corpus(fixture_content)
    withdrawn = dataclasses.replace(corpus.reports[0], status="withdrawn")
    corpus = Corpus(corpus.content_dir, corpus.taxonomy, [withdrawn] + corpus.reports[1:])
    data = json.loads(reports_json(corpus, "https://example.org/"))
    assert data["count"] == 3 and data["taxonomy_version"] == corpus.taxonomy.version
    assert withdrawn.id not in {record["id"] for record in data["reports"]}
    assert list(data["reports"][0]) == list(COLUMNS)
    assert "kanon_reviewed" not in json.dumps(data) and "deid_reviewed" not in json.dumps(data)
    rows = list(csv.DictReader(io.StringIO(reports_csv(corpus, "https://example.org/"))))
    assert [row["id"] for row in rows] == [record["id"] for record in data["reports"]]
    assert rows[0]["url"] == "https://example.org/reports/" + rows[0]["id"] + "/"


def test_csv_cells_cannot_become_spreadsheet_formulas(fixture_content):
    corpus = load_corpus(fixture_content)
    hostile = dataclasses.replace(corpus.reports[0], title="=HYPERLINK(\"http://x\")", summary="@SUM(A1)")
    rows = list(csv.DictReader(io.StringIO(reports_csv(Corpus(corpus.content_dir, corpus.taxonomy, [hostile])))))
    assert rows[0]["title"].startswith("'=") and rows[0]["summary"].startswith("'@")

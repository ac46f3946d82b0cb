"""The search page carries each filter's values with the library's case counts, so that a large site can show
its filters without downloading Pagefind's filter data first."""

from __future__ import annotations

import html
import json
import re

from generator.corpus import load_corpus
from generator.pages import SiteOptions
from generator.pages import site as site_pages


def search_page(corpus):
    [page] = [page for page in site_pages.generate_pages(corpus, SiteOptions()) if page.src_uri == "search.md"]
    return page.content


def test_filter_values_and_counts_match_the_cards(fixture_content):
    corpus = load_corpus(fixture_content)
    content = search_page(corpus)
    counts = json.loads(html.unescape(re.search(r"data-filter-counts='([^']*)'", content).group(1)))
    assert list(counts) == ["event_type", "factor", "loss_potential", "region", "year"]
    assert counts["event_type"]["Foot pursuit"] == 1
    assert sum(counts["year"].values()) == sum(counts["event_type"].values()) == len(corpus.public)
    assert counts["factor"]["Concealed or missed weapon"] == 2


def test_filter_data_is_loaded_eagerly_only_on_a_small_site(fixture_content, monkeypatch):
    corpus = load_corpus(fixture_content)
    assert 'data-eager-filters="true"' in search_page(corpus)
    monkeypatch.setattr(site_pages, "EAGER_FILTERS", 2)
    assert 'data-eager-filters="false"' in search_page(corpus)

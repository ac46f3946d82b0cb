"""Pagefind fed page by page (LiveIndex): what it writes, and a clear error when Pagefind stops."""

from __future__ import annotations

import gzip
import json

import pytest

from generator.errors import NearmissError
from generator.search_index import LiveIndex

PAGE = ('<div data-pagefind-body><h1>{title}</h1><p data-pagefind-meta="summary">{summary}</p>'
        '<span data-pagefind-filter="year">{year}</span><p>{text}</p>'
        '<section data-pagefind-ignore="all">never indexed</section></div>')


def fragments(site):
    found = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        found[fragment["url"]] = fragment
    return found


def test_pages_sent_one_by_one_are_indexed_with_meta_and_filters(tmp_path):
    index = LiveIndex()
    index.add("/reports/A/", PAGE.format(title="Ladder fall", summary="A ladder slipped.", year="2016",
                                         text="The ladder slipped on wet rock."))
    index.add("/reports/B/", PAGE.format(title="Radio failure", summary="No radio.", year="2015",
                                         text="The repeater was down."))
    assert index.write(tmp_path) == 2
    found = fragments(tmp_path)
    assert set(found) == {"/reports/A/", "/reports/B/"}
    assert found["/reports/A/"]["meta"]["summary"] == "A ladder slipped."
    assert found["/reports/A/"]["filters"] == {"year": ["2016"]}
    assert "never indexed" not in found["/reports/B/"]["content"]
    assert index.peak_rss_mb > 0


def test_a_stopped_pagefind_is_a_nearmiss_error(tmp_path):
    index = LiveIndex()
    index._process.kill()
    index._process.wait()
    with pytest.raises(NearmissError, match="pagefind"):
        index.add("/reports/A/", PAGE.format(title="t", summary="s", year="2016", text="x" * 100000))
        index.write(tmp_path)
    index.close()

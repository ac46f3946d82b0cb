"""The fast paths of page generation give exactly what the straightforward code gave: relative URLs (posixpath),
the citation's indented JSON (json.dumps), and raw HTML blocks set aside as placeholders."""

from __future__ import annotations

import dataclasses
import json
import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.corpus import load_corpus
from generator.pages import SiteOptions
from generator.pages.citation import indented_json
from generator.pages.render import BLOCK_PATTERN
from generator.pages.report_page import report_page
from generator.urls import relative_url


def reference_relative_url(from_url: str, to_url: str) -> str:
    """relative_url as it was written first, with posixpath.relpath."""
    if to_url.startswith("#"):
        return to_url
    path, _, fragment = to_url.partition("#")
    base = "/" + from_url
    relative = posixpath.relpath("/" + path, base if base.endswith("/") else posixpath.dirname(base))
    if (path == "" or path.endswith("/")) and relative != ".":
        relative += "/"
    elif relative == ".":
        relative = "./"
    return relative + (f"#{fragment}" if fragment else "")


segment = st.sampled_from(["", ".", "..", "a", "b", "reports", "NM-2025-0001", "x.xml", "index.html"])
url = st.builds(lambda parts, end: "/".join(parts) + end, st.lists(segment, max_size=4),
                st.sampled_from(["", "/", "#top", "/#top"])).filter(lambda value: not value.startswith("/"))


@settings(max_examples=2000)
@given(url, url)
def test_relative_url_matches_posixpath(from_url, to_url):
    assert relative_url(from_url, to_url) == reference_relative_url(from_url, to_url)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=12)


@settings(max_examples=500)
@given(json_values)
def test_indented_json_matches_json_dumps(value):
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=1)


def test_report_text_cannot_forge_a_block_placeholder(fixture_content):
    corpus = load_corpus(fixture_content)
    report = dataclasses.replace(corpus.by_id["NM-2025-0009"], title="<!--nm-block:0--> forged",
                                 summary="<!--nm-block:1-->")
    page = report_page(report, corpus, SiteOptions())
    placeholders = [int(number) for number in BLOCK_PATTERN.findall(page.body)]
    assert placeholders == list(range(len(page.blocks)))  # each block once, in order: none from the text
    assert "&lt;!--nm-block:0--&gt; forged" in page.content


def test_report_pages_rendered_in_worker_processes_equal_serial_ones(fixture_content, monkeypatch):
    from generator import parallel
    from generator.pages.html import MarkdownSettings
    from generator.pages.site import generate_pages

    corpus = load_corpus(fixture_content)
    options = SiteOptions(markdown=MarkdownSettings(("toc", "tables"), {"toc": {"permalink": True}}))
    serial = generate_pages(corpus, options, jobs=1)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_ITEMS", 1)
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 1)
    pooled = generate_pages(corpus, options, jobs=2)
    assert [(p.src_uri, p.content, p.blocks, p.rendered) for p in pooled] == \
        [(p.src_uri, p.content, p.blocks, p.rendered) for p in serial]
    assert all(page.rendered is not None for page in pooled if page.front is not None)


def test_html_rendered_here_equals_what_mkdocs_renders(fixture_content, tmp_path):
    # The plugin hands MkDocs this HTML instead of letting it convert the Markdown: it must be the same.
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from generator.pages.html import MarkdownSettings, to_html
    from generator.pages.site import generate_pages
    from tests.conftest import write_site_config

    config = load_config(str(write_site_config(tmp_path, fixture_content)))
    config.plugins._current_plugin = None  # File.generated reads it; set during plugin events in a real build
    settings = MarkdownSettings(tuple(config.markdown_extensions), dict(config.mdx_configs))
    pages = [page for page in generate_pages(load_corpus(fixture_content), SiteOptions(markdown=settings))
             if page.front is not None]
    files = Files([File.generated(config, page.src_uri, content=page.body) for page in pages])
    for page, file in zip(pages, files):
        mkdocs_page = Page(None, file, config)
        mkdocs_page.read_source(config)
        mkdocs_page.render(config, files)
        assert page.rendered.html == mkdocs_page.content, page.src_uri
        assert page.rendered.html == to_html(page.body, settings).html
        assert [item.id for item in mkdocs_page.toc] == [token["id"] for token in page.rendered.toc]

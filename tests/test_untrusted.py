"""Untrusted text cannot become markup, whatever it holds."""

from __future__ import annotations

import re

import markdown
import pytest

from generator.untrusted import escape_html, escape_markdown, find_forbidden


@pytest.mark.parametrize("text, kind", [
    ("a <script>alert(1)</script>", "raw HTML"),
    ("a </div> b", "raw HTML"),
    ("<!-- hidden -->", "raw HTML"),
    ("{{ config }}", "template syntax"),
    ("{% include 'x' %}", "template syntax"),
    ("&#60;script&#62;", "an HTML entity"),
    ("![x](http://example.com/x.png)", "a Markdown image"),
    ("[click](javascript:alert(1))", "a Markdown link to a URL"),
    ("right\u202eto left", "a control or bidi character"),
])
def test_forbidden_constructs_are_found(text, kind):
    assert find_forbidden(text)[1] == kind


@pytest.mark.parametrize("text", ["Smith & Wesson", "5 < 7 feet", "a {single} brace", "10-4, Code 3"])
def test_ordinary_text_passes(text):
    assert find_forbidden(text) is None


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "![t](http://evil.example/t.png)", "<http://evil.example>", "## Heading {: onclick=alert(1) }",
    "&lt;script&gt;", "a\x00b",
])
def test_escaped_markdown_renders_without_tags_links_or_attributes(text):
    html = markdown.markdown(escape_markdown(text), extensions=["attr_list", "md_in_html"])
    tags = re.findall(r"<([a-z0-9]+)([^>]*)>", html)
    assert {name for name, _ in tags} <= {"p", "h2"}
    assert all(attributes.strip() in ("", 'id="heading"') for _, attributes in tags), tags
    assert "\x00" not in html


def test_escaped_markdown_keeps_lists_and_emphasis():
    html = markdown.markdown(escape_markdown("- one *two*\n- three & four"))
    assert "<li>one <em>two</em></li>" in html and "three &amp; four" in html


def test_escape_html_escapes_quotes():
    assert escape_html('a"b\'c<d>&') == "a&quot;b&#39;c&lt;d&gt;&amp;"


def test_backslashes_are_text_not_markdown_escapes():
    html = markdown.markdown("# " + escape_markdown("A title ending in a backslash \\") + "\n\n" + escape_markdown("\\*not emphasis\\*"))
    assert "<h1>A title ending in a backslash &#92;</h1>" in html
    assert html.split("</h1>")[1].count("&#92;") == 2  # both backslashes shown, neither used as an escape

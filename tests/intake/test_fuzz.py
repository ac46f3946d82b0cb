"""Hostile payloads (hypothesis): a 4xx or a safe report, never a 5xx, never markup in a page or the Markdown.

Three layers, fastest first: thousands of texts through the form pipeline (neutralize, screen, redact, draft,
schema), hundreds of whole requests through the service, and a few dozen drafts rendered as site pages with the
site's own Markdown extensions, plus one real `nearmiss build`.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.corpus import Corpus
from generator.pages import SiteOptions
from generator.pages.report_page import report_page
from generator.report import read_report
from generator.taxonomy import load_taxonomy
from generator.untrusted import find_forbidden
from intake.draft import check_draft, draft_text, fit
from intake.forms import neutralize, validate
from intake.screening import apply_choices, screen
from tests.intake.helpers import ANSWERS, FIXTURE_CONTENT, hidden_of, post, token_of

TAXONOMY = load_taxonomy(FIXTURE_CONTENT / "taxonomy.yml")
TODAY = dt.date(2026, 6, 1)
FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</textarea><script>x</script>",
    "\"><svg onload=alert(1)>", "' onmouseover='x", "<a href=\"javascript:alert(1)\">x</a>", "<!-- x -->", "<?php",
    "{{ 7*7 }}", "{% include 'x' %}", "{#", "#}", "%}", "}}", "${jndi:ldap://x/a}", "{: .class onclick=x}",
    "!!python/object/apply:os.system ['id']", "!!binary", "&amp;", "&#60;", "&#x3C;script", "&lt;",
    "---", "...", "\n---\n", "\nid: NM-2025-0001\n", "## Lessons learned", "\n## What happened\n", "# h1",
    "\n=====\n", "\n!!! danger \"Injected\"\n", "[TOC]", "[x](javascript:alert(1))", "![i](http://x/y.png)",
    "[ref]: http://evil.example", "<!-- nearmiss:latest-cases -->", "<http://evil.example>",
    "\x00", "\x07", "\x1b[2J", "\x7f", "\u0085", "\u202e", "\u2066", "\u200b", "\u00ad", "\ufeff", "\r\n", "\r",
    "\u2028", "\t", "../../etc/passwd", "..\\..\\windows\\system32", "%2e%2e%2f", "/dev/null", "~/.ssh/id_rsa",
    "NM-2025-0001.md", "＜script＞", "﹤svg﹥", "ｊａｖａｓｃｒｉｐｔ:", "ᐸscriptᐳ", "\u0430dmin", "```", "    code",
    "| a | b |", "*", "_", "\\", "@octocat", "#42", "…", "\U0001F46E",
]
IDENTIFIERS = ["Sgt. Miller", "937-555-0123", "my partner Miller", "on 3/10/2024 at 2300hrs",
               "Springfield Police Department", "1200 block of Wayne Ave"]
hostile_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS + IDENTIFIERS), st.text(max_size=16)), min_size=1,
                        max_size=14).map("".join)
TEXT_FIELDS = ("title", "what_happened", "lessons_learned")
ALLOWED_TAGS = {"html", "head", "meta", "title", "link", "script", "body", "a", "header", "p", "main", "h1", "h2",
                "div", "form", "input", "section", "mark", "span", "sup", "fieldset", "legend", "label", "dl", "dt",
                "dd", "button", "footer", "ul", "li", "select", "option", "optgroup", "textarea", "code"}
ALLOWED_ATTRIBUTES = {"charset", "name", "content", "rel", "href", "src", "defer", "class", "id", "lang", "method",
                      "action", "accept-charset", "type", "value", "aria-labelledby", "aria-hidden", "role",
                      "aria-describedby", "aria-invalid", "aria-live", "tabindex", "for", "checked", "selected",
                      "required", "autocomplete", "spellcheck", "data-max", "rows", "label"}


class Markup(HTMLParser):
    """Collects every tag and attribute of a document."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_no_injected_markup(page: str, allowed_tags=ALLOWED_TAGS, allowed_attributes=ALLOWED_ATTRIBUTES):
    tags = Markup(page).tags
    assert {tag for tag, _ in tags} <= allowed_tags, {tag for tag, _ in tags} - allowed_tags
    for tag, attrs in tags:
        assert set(attrs) <= allowed_attributes, (tag, attrs)
        for name in ("href", "src", "action"):
            assert not str(attrs.get(name, "")).lower().lstrip().startswith(("javascript:", "data:")), attrs


def clean(field: str, text: str) -> str:
    text = neutralize(text, multiline=field != "title")
    return fit(text, 120) if field == "title" else text


def pipeline(texts: dict[str, str], keep_all: bool) -> str | None:
    """Form text -> draft file, as the service does it; None when the form refuses the text (a 4xx)."""
    form, errors = validate({**ANSWERS, **texts}, TAXONOMY, TODAY)
    if form is None:
        assert set(errors) <= set(TEXT_FIELDS)
        return None
    screening = screen(form.texts, clean)
    choices = {flag.key: "keep" if keep_all else "remove" for flag in screening.flags}
    final, _ = apply_choices(screening, choices)
    final = {field: clean(field, text) for field, text in final.items()}
    content = draft_text(form, final, report_id="NM-2026-SFUZZ", day=TODAY, receipt_hash="sha256:" + "0" * 64)
    check_draft(content, "NM-2026-SFUZZ", TAXONOMY)
    return content


@settings(max_examples=1500, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile_text, happened=hostile_text, lessons=hostile_text, keep_all=st.booleans())
def test_hostile_text_becomes_a_valid_inert_draft_or_a_polite_refusal(title, happened, lessons, keep_all):
    content = pipeline({"title": title, "what_happened": happened, "lessons_learned": lessons}, keep_all)
    if content is None:
        return
    front, body = content[4:].split("\n---\n", 1)
    values = yaml.safe_load(front)
    assert isinstance(values["title"], str)  # a YAML tag in the text stays a quoted string
    assert find_forbidden(body) is None and find_forbidden(values["title"]) is None
    assert find_forbidden(values["summary"]) is None
    assert re.findall(r"^## .*$", body, re.MULTILINE) == ["## What happened", "## Lessons learned"]
    assert neutralize(happened) == neutralize(neutralize(happened))  # idempotent: confirm sees the same text


@settings(max_examples=250, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(values=st.fixed_dictionaries({}, optional={
    **{name: hostile_text for name in TEXT_FIELDS},
    **{name: st.one_of(st.sampled_from(["traffic-stop", "OH", "18-24", "1", "unclassified", ""]), hostile_text)
       for name in ("event_type", "region", "time_block", "officers_on_scene", "month", "year")},
    "contributing_factors": st.lists(st.one_of(st.just("tactics"), hostile_text), max_size=3, unique=True),
    "website": st.sampled_from(["", "x"]),
    "huge": st.sampled_from(["", "x" * 20_000, "<b>" * 30_000]),
}))
def test_hostile_requests_never_cause_a_server_error_or_markup(client, values):
    form = client.get("/")
    answers = {**ANSWERS, **{k: v for k, v in values.items() if k != "huge"}, "token": token_of(form.text)}
    if values.get("huge"):
        answers["what_happened"] = values["huge"]
    try:
        review = post(client, "/review", answers)
    except UnicodeEncodeError:  # a lone surrogate cannot even be sent as UTF-8
        return
    assert review.status_code < 500
    assert review.status_code in (200, 400, 403, 413, 422), review.status_code
    assert_no_injected_markup(review.text)
    if review.status_code != 200:
        return
    done = post(client, "/confirm", hidden_of(review.text) + [("action", "send")])
    assert done.status_code == 200, done.text[:500]
    assert_no_injected_markup(done.text)


REPORT_TAGS = {"h1", "h2", "p", "ul", "ol", "li", "em", "strong", "code", "pre", "blockquote", "hr", "dl", "dt",
               "dd", "div", "span", "time", "a", "table", "thead", "tbody", "tr", "th", "td", "br", "details",
               "summary", "section"}
REPORT_ATTRIBUTES = {"class", "data-pagefind-meta", "data-pagefind-ignore", "data-pagefind-filter",
                     "data-pagefind-sort", "datetime", "id", "href", "title", "align", "style"}


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile_text, happened=hostile_text, lessons=hostile_text)
def test_hostile_drafts_render_as_site_pages_without_markup(title, happened, lessons):
    content = pipeline({"title": title, "what_happened": happened, "lessons_learned": lessons}, keep_all=True)
    if content is None:
        return
    report, problems = read_report(PurePosixPath("NM-2026-SFUZZ.md"), TAXONOMY,
                                   text=content.replace("status: draft", "status: published"))
    assert problems == []
    page = report_page(report, Corpus(Path("content"), TAXONOMY, [report]), SiteOptions())
    body = page.content.split("\n---\n", 1)[1]
    # The site's own Markdown extensions, attr_list and md_in_html included.
    html = markdown.markdown(body, extensions=["toc", "tables", "admonition", "attr_list", "md_in_html"])
    assert_no_injected_markup(html, REPORT_TAGS, REPORT_ATTRIBUTES)
    assert "admonition" not in html and html.count("<h2") == 2 and html.count("<h1") == 1


@pytest.mark.parametrize("seed", [0])
def test_a_real_build_of_hostile_reports(tmp_path, seed):
    """`nearmiss build` on drafts made from the worst fragments, published: the HTML has no injected tags."""
    import random
    import shutil

    from intake.localreview import publish_text
    from tests.conftest import run_build

    content_dir = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content_dir)
    rng = random.Random(seed)
    written = []
    for number in range(1, 5):
        texts = {field: "".join(rng.choice(FRAGMENTS) for _ in range(3 if field == "title" else 12)) + " words"
                 for field in TEXT_FIELDS}
        draft = pipeline(texts, keep_all=False)
        assert draft is not None
        report_id = f"NM-2026-{number:04d}"
        text = publish_text(draft.replace("NM-2026-SFUZZ", report_id), report_id, TODAY)
        # Fixture facets are rare on purpose; the k-anonymity gate is not what this test is about.
        text = text.replace("status: published", "status: published\nkanon_reviewed: fuzz test")
        (content_dir / "reports" / f"{report_id}.md").write_text(text, encoding="utf-8")
        written.append(report_id)
    result = run_build(tmp_path, content_dir)
    assert result.exit_code == 0, result.output
    for report_id in written:
        page = (tmp_path / "site" / "reports" / report_id / "index.html").read_text(encoding="utf-8")
        article = page.split('data-pagefind-body', 1)[1].split("</article>", 1)[0]
        assert_no_injected_markup(article, REPORT_TAGS | {"article", "header", "section", "nav", "svg", "path"},
                                  REPORT_ATTRIBUTES | {"data-md-component", "xmlns", "viewbox", "d", "aria-labelledby"})
        assert "<script" not in article.lower()

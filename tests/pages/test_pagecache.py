"""The page cache gives back exactly the pages a fresh generation gives, and only where nothing they show changed."""

from __future__ import annotations

import sqlite3

import pytest

from generator.corpus import load_corpus
from generator.pages import SiteOptions
from generator.pages import pagecache
from generator.pages.html import MarkdownSettings
from generator.pages.pagecache import PageCache
from generator.pages.site import generate_pages

OPTIONS = SiteOptions(markdown=MarkdownSettings(("toc", "tables"), {"toc": {"permalink": True}}))


def snapshot(pages):
    return [(page.src_uri, page.content, page.front, page.blocks, page.rendered) for page in pages]


def generate(content, cache_path=None):
    cache = PageCache(cache_path) if cache_path is not None else None
    try:
        pages = generate_pages(load_corpus(content), OPTIONS, page_cache=cache)
    finally:
        if cache is not None:
            cache.close()
    return pages, cache


def retitle(content, report_id, title):
    path = content / "reports" / f"{report_id}.md"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(f"title: {title}\n" if line.startswith("title:") else line for line in lines),
                    encoding="utf-8")


def test_cached_pages_equal_freshly_generated_ones(content_copy, tmp_path):
    fresh, _ = generate(content_copy)
    first, cold = generate(content_copy, tmp_path / "pages.sqlite")
    again, warm = generate(content_copy, tmp_path / "pages.sqlite")
    assert cold.hits == 0 and warm.hits == warm.asked == 4
    assert snapshot(first) == snapshot(fresh)
    assert snapshot(again) == snapshot(fresh)


def test_a_changed_title_renders_its_page_and_the_pages_that_link_to_it_again(content_copy, tmp_path):
    generate(content_copy, tmp_path / "pages.sqlite")
    retitle(content_copy, "NM-2025-0009", "A retitled case about a ladder")
    cached, cache = generate(content_copy, tmp_path / "pages.sqlite")
    fresh, _ = generate(content_copy)
    assert snapshot(cached) == snapshot(fresh)
    page = next(page for page in cached if page.src_uri == "reports/NM-2025-0009.md")
    assert "A retitled case about a ladder" in page.rendered.html
    linking = [other for other in cached if other.src_uri.startswith("reports/") and other is not page
               and "A retitled case about a ladder" in other.content]
    assert linking  # the fixture's four cases are all related to one another
    assert cache.hits == 4 - 1 - len(linking)


def test_other_site_options_do_not_reuse_pages(content_copy, tmp_path):
    generate(content_copy, tmp_path / "pages.sqlite")
    cache = PageCache(tmp_path / "pages.sqlite")
    pages = generate_pages(load_corpus(content_copy), SiteOptions(site_url="https://example.org/",
                                                                  markdown=OPTIONS.markdown), page_cache=cache)
    cache.close()
    assert cache.hits == 0
    assert any("https://example.org/reports/" in page.content for page in pages)


def test_changed_code_reuses_nothing(content_copy, tmp_path, monkeypatch):
    generate(content_copy, tmp_path / "pages.sqlite")
    monkeypatch.setattr(pagecache, "code_version", lambda: "another version of the code")
    _, cache = generate(content_copy, tmp_path / "pages.sqlite")
    assert cache.hits == 0


def test_entries_no_build_asked_for_are_dropped(content_copy, tmp_path):
    generate(content_copy, tmp_path / "pages.sqlite")
    retitle(content_copy, "NM-2025-0001", "Another title")
    generate(content_copy, tmp_path / "pages.sqlite")
    with sqlite3.connect(tmp_path / "pages.sqlite") as connection:
        assert connection.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 4


@pytest.mark.parametrize("damage", ["not a database at all", "corrupt entry"])
def test_a_damaged_cache_is_rebuilt_not_an_error(content_copy, tmp_path, damage):
    path = tmp_path / "pages.sqlite"
    fresh, _ = generate(content_copy)
    if damage == "not a database at all":
        path.write_bytes(b"this is not SQLite" * 100)
    else:
        generate(content_copy, path)
        with sqlite3.connect(path) as connection:
            connection.execute("UPDATE pages SET value = ?", (b"garbage",))
    pages, cache = generate(content_copy, path)
    assert cache.hits == 0
    assert snapshot(pages) == snapshot(fresh)
    _, again = generate(content_copy, path)
    assert again.hits == 4


def test_a_cache_that_cannot_be_created_means_no_cache(tmp_path):
    blocked = tmp_path / "a file, not a directory"
    blocked.write_text("x")
    assert PageCache.for_content(blocked / ".nearmiss-cache", tmp_path / "content") is None

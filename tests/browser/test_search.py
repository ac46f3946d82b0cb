"""Searching the built site in a real browser, served under a sub-path."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_header_search_finds_the_case_and_a_filter_narrows_it(page, served_site):
    page.goto(served_site)
    page.fill("#nm-header-q", "revolver waistband")
    page.press("#nm-header-q", "Enter")
    page.wait_for_selector(".nm-result")
    assert page.url.startswith(served_site + "search/?q=revolver")
    titles = page.locator(".nm-result__title a").all_inner_texts()
    assert any("Revolver at the small of his back" in title for title in titles)

    page.get_by_label("Foot pursuit (1)").check()
    page.wait_for_function("document.querySelector('.nm-search__status').textContent.includes('1 case matches')")
    assert page.locator(".nm-result__title a").all_inner_texts() == [
        "Revolver at the small of his back, missed in my pat-down after a foot chase"]
    assert "event_type=Foot+pursuit" in page.url

    page.locator(".nm-result__title a").first.click()
    page.wait_for_url(served_site + "reports/NM-2025-0009/")
    assert page.locator("h1").first.inner_text().startswith("Revolver at the small of his back")
    assert page.errors == []


def test_filter_only_search_sorted_newest_first(page, served_site):
    page.goto(served_site + "search/?sort=published:desc&loss_potential=Fatal")
    page.wait_for_selector(".nm-result")
    dates = page.locator(".nm-result__meta").all_inner_texts()
    published = [text.split("published ")[1] for text in dates]
    assert published == sorted(published, reverse=True) and len(published) >= 2
    assert page.errors == []


def test_search_link_survives_a_reload(page, served_site):
    page.goto(served_site + "search/?q=handgun&event_type=Traffic+stop")
    page.wait_for_selector(".nm-result")
    assert page.is_checked("input[name=event_type][value='Traffic stop']")
    assert page.input_value("#nm-search-input") == "handgun"


def test_large_site_mode_fetches_filter_data_only_when_a_search_uses_it(page, built_site, tmp_path):
    # Above EAGER_FILTERS cases the search page is built with data-eager-filters="false"; this copy of the small
    # site is switched to that mode to check it in a browser.
    import shutil
    import threading

    from generator.serve import serve_directory

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    search = site / "search" / "index.html"
    search.write_text(search.read_text().replace('data-eager-filters="true"', 'data-eager-filters="false"'))
    server = serve_directory(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    try:
        base = f"http://127.0.0.1:{server.server_port}/"
        page.goto(base + "search/?q=revolver+waistband")
        page.wait_for_selector(".nm-result")
        assert not any(url.endswith(".pf_filter") for url in fetched)
        assert not any("pagefind-worker" in url for url in fetched)
        assert page.get_by_label("Foot pursuit (1)").is_visible()  # the library's count, from the page itself
        page.get_by_label("Foot pursuit (1)").check()
        # A locator, not wait_for_function: the page's CSP forbids the eval that polling a string would need.
        page.locator(".nm-search__status", has_text="1 case matches").wait_for()
        assert any(url.endswith(".pf_filter") for url in fetched)
        assert page.errors == []
    finally:
        server.shutdown()
        server.server_close()

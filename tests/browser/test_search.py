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

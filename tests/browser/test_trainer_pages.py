"""A trainer's path through the site in a real browser: a case, a related case, a theme, a printed packet."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser


def test_case_related_link_and_theme_link(page, served_site):
    page.goto(served_site + "reports/NM-2025-0009/")
    related = page.locator(".nm-related a").first
    target = related.get_attribute("href")
    related.click()
    page.wait_for_url(lambda url: "/reports/NM-2025-" in url and "NM-2025-0009" not in url)
    assert page.url.endswith(target.removeprefix("../"))
    assert page.locator(".nm-card").count() == 1

    page.goto(served_site + "reports/NM-2025-0009/")
    page.locator(".nm-card__row--event_type a").click()
    page.wait_for_url(served_site + "themes/event-type/foot-pursuit/")
    assert "Revolver at the small of his back" in page.locator("article").inner_text()
    assert page.errors == []


def test_packet_page_prints_to_pdf_with_the_cases_and_questions(page, served_site):
    page.goto(served_site + "packets/weapons/")
    pdf = page.pdf(format="Letter", print_background=False)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "Missed weapons" in text and "Learning objectives" in text
    assert "Revolver at the small of his back" in text and "Folding knife in a jacket lining" in text
    assert "Discussion questions" in text and "What should a handover of a prisoner" in text
    assert "Search cases" not in text  # the header search box is not printed
    assert "/cases/reports/NM-2025-0009/" in text  # links are printed as their address

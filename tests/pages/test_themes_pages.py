"""Theme, facet and related-case pages: what they link to, how they paginate, and two golden files.

Regenerate the goldens after an intended change with `NEARMISS_UPDATE_GOLDEN=1 pytest tests/pages/test_themes_pages.py`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from generator.analysis.site import analyse_for_site
from generator.corpus import load_corpus
from generator.pages import SiteOptions
from generator.pages.site import generate_pages
from generator.urls import page_url

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("NEARMISS_UPDATE_GOLDEN") == "1"
THEMES = """themes:
  - slug: missed-weapons
    title: Missed weapons on searches
    description: Weapons found after a search had "cleared" the person.
    seeds: [missed weapon, pat-down, waistband, revolver, jacket lining]
    pinned: [NM-2025-0027]
"""


def pages_of(content, **options):
    corpus = load_corpus(content)
    return {page.src_uri: page.content for page in generate_pages(corpus, SiteOptions(**options))}


def check_golden(name: str, text: str) -> None:
    # Not *.md: tests/pages/test_golden.py owns the set of generated-page goldens.
    path = GOLDEN / f"{name}.golden"
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{path} differs (NEARMISS_UPDATE_GOLDEN=1 to update)"


def related_block(page: str) -> str:
    return page[page.index('<section class="nm-related"'):page.index("</section>") + len("</section>")] + "\n"


def test_related_block_and_curated_theme_page_match_golden_files(content_copy):
    (content_copy / "themes.yml").write_text(THEMES)
    pages = pages_of(content_copy)
    check_golden("related-block-NM-2025-0009", related_block(pages["reports/NM-2025-0009.md"]))
    check_golden("theme-missed-weapons", pages["themes/missed-weapons/index.md"])


def test_related_block_is_not_indexed_and_links_relatively(fixture_content):
    page = pages_of(fixture_content)["reports/NM-2025-0009.md"]
    block = related_block(page)
    assert block.startswith('<section class="nm-related" data-pagefind-ignore="all"')
    assert '<h2 id="related-cases">Related cases</h2>' in block
    assert re.findall(r'href="([^"]+)"', block) and all(href.startswith("../NM-2025-")
                                                       for href in re.findall(r'href="([^"]+)"', block))
    assert "Both: " in block or "Terms: " in block


def test_card_values_link_to_their_facet_pages(fixture_content):
    page = pages_of(fixture_content)["reports/NM-2025-0009.md"]
    assert '<a href="../../themes/event-type/foot-pursuit/"><span class="nm-facet"' in page
    assert '<a href="../../themes/contributing-factors/concealed-missed-weapon/">' in page
    assert "themes/region/" not in page  # only the four facet vocabularies have pages


def test_every_facet_value_has_a_page_and_the_index_lists_them_with_counts(fixture_content):
    corpus = load_corpus(fixture_content)
    pages = pages_of(fixture_content)
    for vocabulary in ("event_type", "contributing_factors", "loss_potential", "what_prevented_harm"):
        for slug in corpus.taxonomy[vocabulary].slugs:
            assert f"themes/{vocabulary.replace('_', '-')}/{slug}/index.md" in pages
    index = pages["themes/index.md"]
    assert '<a href="event-type/foot-pursuit/">Foot pursuit</a> <span class="nm-count">1</span>' in index
    assert '<a href="event-type/ambush/">Ambush</a> <span class="nm-count">0</span>' in index
    assert "No published case has this value yet." in pages["themes/event-type/ambush/index.md"]


def test_facet_pages_are_paginated(fixture_content):
    pages = pages_of(fixture_content, per_page=1)
    assert "themes/loss-potential/fatal/2.md" in pages or "themes/loss-potential/life-threatening-injury/2.md" in pages
    second = next(content for src, content in pages.items()
                  if src.startswith("themes/loss-potential/") and src.endswith("/2.md"))
    assert 'rel="prev" href="../"' in second
    for src, content in pages.items():
        if src.startswith("themes/") and src.count("/") == 3:
            assert content.count("<tr><td>") <= 1, src


def test_every_link_on_theme_pages_points_to_a_generated_page(content_copy):
    (content_copy / "themes.yml").write_text(THEMES)
    pages = pages_of(content_copy)
    urls = {page_url(src) for src in pages} | {"", "search/", "browse/"}
    for src, content in pages.items():
        if not src.startswith("themes/"):
            continue
        for href in re.findall(r'href="([^"]+)"', content):
            target = os.path.normpath(os.path.join(page_url(src), href)).lstrip("./")
            target = "" if target in (".", "") else target + "/"
            assert target in urls, (src, href)


def test_unclassified_values_get_a_page_only_when_used(tmp_path, content_copy):
    path = content_copy / "reports" / "NM-2025-0001.md"
    path.write_text(path.read_text().replace("loss_potential: fatal", "loss_potential: unclassified"))
    pages = pages_of(content_copy)
    assert "themes/loss-potential/unclassified/index.md" in pages
    assert "themes/event-type/unclassified/index.md" not in pages


def test_site_analysis_reads_themes_and_pages_are_deterministic(content_copy):
    (content_copy / "themes.yml").write_text(THEMES)
    analysis = analyse_for_site(load_corpus(content_copy))
    assert [result.theme.slug for result in analysis.themes] == ["missed-weapons"]
    assert pages_of(content_copy) == pages_of(content_copy)

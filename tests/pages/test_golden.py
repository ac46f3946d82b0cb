"""Golden files for generated pages: the Markdown handed to MkDocs, byte for byte.

Regenerate after an intended change with `NEARMISS_UPDATE_GOLDEN=1 pytest tests/pages/test_golden.py` and review
the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.corpus import load_corpus
from generator.pages import SiteOptions
from generator.pages.site import generate_pages

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("NEARMISS_UPDATE_GOLDEN") == "1"
OPTIONS = SiteOptions(site_name="Test library", site_url="https://cases.example.org/library/",
                      intake_url="https://intake.example/", per_page=3)


def generated(fixture_content):
    return {page.src_uri: page.content for page in generate_pages(load_corpus(fixture_content), OPTIONS)}


def test_generated_pages_match_golden_files(fixture_content):
    pages = generated(fixture_content)
    if UPDATE:
        for src_uri, content in pages.items():
            target = GOLDEN / src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    # Every generated file (pages, feeds, exports); *.golden files belong to tests/pages/test_themes_pages.py.
    on_disk = {str(path.relative_to(GOLDEN)) for path in GOLDEN.rglob("*") if path.is_file() and path.suffix != ".golden"}
    assert on_disk == set(pages), "pages added or removed: update the golden files"
    for src_uri, content in pages.items():
        assert content == (GOLDEN / src_uri).read_text(encoding="utf-8"), f"{src_uri} differs from its golden file"


def test_generation_is_deterministic(fixture_content):
    assert generated(fixture_content) == generated(fixture_content)


@pytest.mark.parametrize("per_page, expected", [(3, ["browse/index.md", "browse/2.md"]), (50, ["browse/index.md"])])
def test_browse_pages_are_paginated(fixture_content, per_page, expected):
    pages = generate_pages(load_corpus(fixture_content), SiteOptions(per_page=per_page))
    assert [page.src_uri for page in pages if page.src_uri.startswith("browse/")] == expected

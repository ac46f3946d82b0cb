"""Case pages trainers rely on: tombstones, superseded accounts, follow-ups, citations."""

from __future__ import annotations

import gzip
import json
import re

from generator.corpus import load_corpus
from generator.pages import SiteOptions
from generator.pages.site import generate_pages
from tests.conftest import run_build

OPTIONS = SiteOptions(site_name="Test library", site_url="https://cases.example.org/")


def edit(content, report_id, old, new):
    path = content / "reports" / f"{report_id}.md"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def withdraw(content, report_id="NM-2025-0001", reason="The reporter asked us to take it down."):
    edit(content, report_id, "tags: [night, firearm]", f"tags: [night, firearm]\nstatus: withdrawn\nwithdrawn_reason: {reason}")


def pages(content):
    return {page.src_uri: page.content for page in generate_pages(load_corpus(content), OPTIONS)}


def test_withdrawn_case_becomes_a_tombstone_and_leaves_every_list(content_copy):
    withdraw(content_copy)
    generated = pages(content_copy)
    tombstone = generated["reports/NM-2025-0001.md"]
    assert "# Case NM-2025-0001 withdrawn" in tombstone and "The reporter asked us to take it down." in tombstone
    assert "Passenger" not in tombstone and "What happened" not in tombstone and "template: report.html" not in tombstone
    everything_else = "\n".join(text for src, text in generated.items() if src != "reports/NM-2025-0001.md")
    assert "NM-2025-0001" not in everything_else  # not in browse, related, themes, facets, feeds, exports, packets


def test_superseded_account_points_to_the_merged_case_which_shows_it(content_copy):
    # The fixture's packet uses NM-2025-0009, which a packet may not once it is superseded.
    packets = content_copy / "packets.yml"
    packets.write_text(packets.read_text().replace("[NM-2025-0009, NM-2025-0027]", "[NM-2025-0027]"))
    edit(content_copy, "NM-2025-0027", "tags:", "supersedes: [NM-2025-0009]\ntags:")
    edit(content_copy, "NM-2025-0009", "tags:", "status: superseded\nsuperseded_by: NM-2025-0027\ntags:")
    generated = pages(content_copy)
    old = generated["reports/NM-2025-0009.md"]
    assert "merged into a newer case" in old and 'href="../NM-2025-0027/"' in old
    assert "template: report.html" not in old  # no longer indexed by Pagefind
    merged = generated["reports/NM-2025-0027.md"]
    assert "## Supplemental narratives" in merged and "A man ran from a street corner" in merged
    assert 'href="../NM-2025-0009/"' in merged
    assert "NM-2025-0009" not in generated["browse/index.md"] and "NM-2025-0009" not in generated["data/reports.csv"]


def test_supersedes_must_be_mirrored_by_the_merged_account(content_copy):
    edit(content_copy, "NM-2025-0027", "tags:", "supersedes: [NM-2025-0009]\ntags:")
    problems = load_corpus(content_copy).problems
    assert [(p.field, p.path.endswith("NM-2025-0009.md")) for p in problems] == [("superseded_by", True)]
    assert "set status: superseded and superseded_by: NM-2025-0027" in problems[0].message


def test_follow_up_is_rendered_apart_with_its_anchor(content_copy):
    edit(content_copy, "NM-2025-0002", "## Discussion questions", "## Follow-up\n\nThe agency bought longer cones.\n\n## Discussion questions")
    page = pages(content_copy)["reports/NM-2025-0002.md"]
    section = page[page.index('<section class="nm-follow-up" markdown>'):]
    assert section.index("## Follow-up") < section.index("The agency bought longer cones.") < section.index("</section>")
    assert page.index("## Discussion questions") < page.index("## Follow-up")


def test_every_case_page_has_a_citation_box(fixture_content):
    page = pages(fixture_content)["reports/NM-2025-0009.md"]
    box = page[page.index('<details class="nm-cite"'):page.index("</details>")]
    assert "https://cases.example.org/reports/NM-2025-0009/" in box
    assert "@misc{NM20250009," in box and "&#34;issued&#34;" in box and "published 2025-07-07" in box


def test_built_site_keeps_the_tombstone_url_but_not_its_search_entry(tmp_path, content_copy):
    withdraw(content_copy)
    site = tmp_path / "site"
    result = run_build(tmp_path, content_copy)
    assert result.exit_code == 0, result.output
    html = (site / "reports" / "NM-2025-0001" / "index.html").read_text()
    assert "withdrawn" in html and "data-pagefind-body" not in html and "Passenger" not in html
    fragments = [gzip.decompress(path.read_bytes()) for path in (site / "pagefind" / "fragment").glob("*.pf_fragment")]
    urls = {json.loads(fragment[fragment.index(b"{"):])["url"] for fragment in fragments}
    assert "/reports/NM-2025-0002/" in urls and not any("NM-2025-0001" in url for url in urls)
    assert len(urls) == 3
    assert "NM-2025-0001" not in (site / "feeds" / "all.xml").read_text()
    assert "NM-2025-0001" not in (site / "data" / "reports.json").read_text()
    assert re.search(r"NM-2025-0001", (site / "browse" / "index.html").read_text()) is None

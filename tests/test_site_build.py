"""One real end-to-end build of a temporary mkdocs.yml, and what the built site must (not) contain."""

from __future__ import annotations

import re

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import run_build, write_site_config
from tests.site_html import CSS_URL, is_external, urls_in_html

REPORT_IDS = ("NM-2025-0001", "NM-2025-0002", "NM-2025-0009", "NM-2025-0027")
INTAKE_DEFAULT = "http://127.0.0.1:8080/"


def pages(site):
    return sorted(site.rglob("*.html"))


def test_site_has_home_reports_browse_search_and_index(built_site):
    for report_id in REPORT_IDS:
        assert (built_site / "reports" / report_id / "index.html").is_file()
    for page in ("index.html", "browse/index.html", "search/index.html", "about/index.html", "submit/index.html"):
        assert (built_site / page).is_file(), page
    assert (built_site / "pagefind" / "pagefind.js").is_file()
    assert list((built_site / "pagefind" / "fragment").glob("*.pf_fragment"))


def test_report_page_has_card_sections_and_stable_anchors(built_site):
    html = (built_site / "reports" / "NM-2025-0009" / "index.html").read_text()
    for anchor in ("what-happened", "lessons-learned", "discussion-questions"):
        assert f'id="{anchor}"' in html
    assert 'data-pagefind-body' in html
    assert 'data-pagefind-filter="event_type">Foot pursuit<' in html
    assert 'data-pagefind-filter="year">2025<' in html
    assert "May 2025" in html  # event month, never a day


def test_reports_are_not_in_the_navigation(built_site):
    home = (built_site / "index.html").read_text()
    nav = home[home.index('class="md-nav md-nav--primary"'):home.index("</nav>", home.index('class="md-nav md-nav--primary"'))]
    assert "reports/NM-" not in nav


def test_home_lists_latest_cases_and_links_to_the_intake_form(built_site):
    home = (built_site / "index.html").read_text()
    assert home.count('href="reports/NM-') == len(REPORT_IDS)
    assert f'href="{INTAKE_DEFAULT}"' in home


def test_no_page_loads_anything_from_another_host(built_site):
    for page in pages(built_site):
        loaded, links = urls_in_html(page.read_text())
        external = [url for url in loaded if is_external(url)]
        assert external == [], f"{page} loads {external}"
        external_links = {url for url in links if is_external(url)}
        assert external_links <= {INTAKE_DEFAULT}, f"{page} links to {external_links}"


def test_no_stylesheet_loads_anything_from_another_host(built_site):
    for sheet in built_site.rglob("*.css"):
        remote = [a or b for a, b in CSS_URL.findall(sheet.read_text()) if is_external(a or b)]
        assert remote == [], f"{sheet} loads {remote}"


def test_every_page_has_a_content_security_policy_without_inline_scripts(built_site):
    for page in pages(built_site):
        html = page.read_text()
        if 'http-equiv="refresh"' in html:
            continue
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert policy, page
        assert "default-src 'self'" in policy.group(1) and "'unsafe-inline'" not in policy.group(1).split("style-src")[0]
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html)
        assert inline == [], f"{page} has inline scripts {inline}"


def test_generated_pages_are_byte_identical_across_builds(built_site, tmp_path, content_copy):
    result = run_build(tmp_path, content_copy)
    assert result.exit_code == 0, result.output
    again = tmp_path / "site"
    first = {str(p.relative_to(built_site)): p.read_bytes() for p in pages(built_site)}
    second = {str(p.relative_to(again)): p.read_bytes() for p in pages(again)}
    assert first == second


def test_build_refuses_invalid_content_and_keeps_the_old_site(tmp_path, content_copy):
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.html").write_text("old")
    bad = content_copy / "reports" / "NM-2025-0001.md"
    bad.write_text(bad.read_text().replace("event_type: traffic-stop", "event_type: nope"))
    result = run_build(tmp_path, content_copy)
    assert result.exit_code == 1
    assert "NM-2025-0001.md:12: event_type: unknown value" in result.output
    assert (site / "keep.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_build_with_a_broken_theme_fails_cleanly_without_touching_the_site(tmp_path, content_copy):
    config = write_site_config(tmp_path, content_copy)
    config.write_text(config.read_text().replace("name: material", "name: no-such-theme"))
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.html").write_text("old")
    result = CliRunner().invoke(main, ["build", "--content", str(content_copy), "--site", str(site), "--config", str(config)])
    assert result.exit_code == 1
    assert "mkdocs: build failed" in result.output
    assert (site / "keep.html").read_text() == "old"


def test_every_navigation_link_leads_to_its_page(built_site):
    # The navigation of pages outside the nav is rendered once per set of relative links (the plugin's memo):
    # a link that is right on one page and wrong on another would show here.
    for page in pages(built_site):
        html = page.read_text()
        if 'class="md-nav md-nav--primary"' not in html:
            continue
        start = html.index('class="md-nav md-nav--primary"')
        nav = html[start:html.index("</nav>", start)]
        for href in re.findall(r'href="([^"#]*)"', nav):
            if href.startswith(("/", "http")):  # 404.html links from the site root
                continue
            target = (page.parent / href).resolve()
            assert (target / "index.html").is_file() or target.is_file(), f"{page}: {href}"


def test_no_block_placeholder_is_left_in_the_site(built_site):
    for page in pages(built_site):
        assert "<!--nm-block:" not in page.read_text(), page


def test_build_prints_a_one_screen_summary(tmp_path, content_copy):
    site = tmp_path / "site"
    result = run_build(tmp_path, content_copy)
    assert result.exit_code == 0, result.output
    summary = result.stdout.splitlines()
    assert re.match(r"Built \d+ pages from 4 reports in [\d.]+ s \(check [\d.]+ s, site [\d.]+ s\)\.", summary[0])
    for stage in ("check: scan", "site: related", "site: pages", "site: markdown", "site: templates", "site: pagefind"):
        assert any(line.strip().startswith(stage) for line in summary), stage
    assert "Pagefind indexed 4 pages" in result.stdout
    assert summary[-1].startswith(f"Site: {site}") and len(summary) <= 24


def test_pages_rendered_in_a_second_process_are_the_same(built_site, tmp_path, content_copy, monkeypatch):
    monkeypatch.setenv("NEARMISS_PARALLEL_PAGES", "1")  # fork even for this small site
    site, stats = tmp_path / "site", tmp_path / "stats.json"
    result = run_build(tmp_path, content_copy, "--stats-file", str(stats))
    assert result.exit_code == 0, result.output
    import json

    assert json.loads(stats.read_text())["notes"]["pages_in_second_process"] > 10
    first = {str(p.relative_to(built_site)): p.read_bytes() for p in pages(built_site)}
    assert first == {str(p.relative_to(site)): p.read_bytes() for p in pages(site)}

"""The form in headless Chromium, JavaScript on and off, on a 360 px screen; and the site's track page.

Chromium is required: these tests fail (never skip) without it.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import PurePosixPath

import pytest

from generator.report import read_report
from generator.taxonomy import load_taxonomy
from intake.app import create_app
from intake.config import load_config
from intake.forges.local import LocalForge
from intake.spool import Spool
from intake.worker import Worker
from tests.intake.helpers import FIXTURE_CONTENT, draft_of, env, receipt_hash, submission_branches
from tests.conftest import launch_chromium
from tests.intake.servers import Served

pytestmark = pytest.mark.browser
STORY = ("My partner Miller and I stopped a sedan late at night. Call me at 937-555-0123 if you need more.\n\n"
         "The passenger slid his hand under the seat while I read the licence.")


@pytest.fixture(scope="module")
def browsers(playwright_session):
    """Two Chromium contexts with fresh profiles: {True: JavaScript on, False: off}."""
    profiles = [tempfile.mkdtemp(prefix="nearmiss-intake-chromium-") for _ in range(2)]
    contexts = {enabled: launch_chromium(playwright_session, profile, java_script_enabled=enabled,
                                         viewport={"width": 360, "height": 740})
                for enabled, profile in zip((True, False), profiles, strict=True)}
    yield contexts
    for context in contexts.values():
        context.close()
    for profile in profiles:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def intake(repo, tmp_path):
    config = load_config(env(repo, tmp_path / "spool"))
    served = Served(create_app(config))
    yield served.url, config
    served.stop()


def open_tab(browsers, javascript: bool):
    tab = browsers[javascript].new_page()
    tab.errors = []
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    return tab


def fill_form(page, *, prevented: bool = True) -> None:
    page.get_by_label("What were you doing when it happened?").select_option("traffic-stop")
    page.get_by_label("Complacency").check()
    page.get_by_label("Tactics").check()
    page.get_by_label("Fatal").check()
    if prevented:
        page.get_by_label("Partner or backup").check()
    page.get_by_label("Month").select_option("3")
    page.get_by_label("Year").select_option("2025")
    page.get_by_label("18:00-24:00").check()
    page.get_by_label("Where? (state or larger region)").select_option("east-north-central")
    page.get_by_label("Suburban").check()
    page.get_by_label("50-249 officers").check()
    page.get_by_label("Two").check()
    page.get_by_label("Involved").check()
    page.get_by_label("A short headline").fill("Passenger reached under the seat on a night stop")
    page.get_by_label("What happened").fill(STORY)
    page.get_by_label("Lessons learned").fill("- Keep the passenger in your scan.\n- Ask for a second unit.")


def no_horizontal_scroll(page) -> bool:
    # Measured by the browser's layout (works with JavaScript off): the widest element fits in 360 px.
    boxes = [page.locator(selector).first.bounding_box() for selector in ("main", "form", "textarea, .rv__text")]
    return all(box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360 for box in boxes)


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_report_through_review_and_confirm(browsers, intake, repo, javascript):
    url, config = intake
    page = open_tab(browsers, javascript)
    page.goto(url + "/")
    assert no_horizontal_scroll(page)
    fill_form(page)
    if javascript:  # progressive enhancement: a live counter under each text field
        assert "characters left" in page.locator(".counter").first.inner_text()
    page.get_by_role("button", name="Continue to review").click()
    page.wait_for_selector("text=Check your report before you send it")
    assert no_horizontal_scroll(page)
    content = page.content()
    assert "937-555-0123" not in content and "[REDACTED-PHONE]" in page.locator("#text-what_happened").inner_text()
    marks = page.locator("mark").all_inner_texts()
    assert any("Miller" in text for text in marks)
    page.get_by_label("Keep").first.check()
    page.get_by_role("button", name="Send report").click()
    page.wait_for_selector("#receipt")
    receipt = page.locator("#receipt").inner_text()
    assert len(receipt) == 23
    assert page.errors == []  # no CSP violation, no script error

    assert Worker(Spool(config.spool), LocalForge(repo, "main")).sweep().opened == 1
    [branch] = submission_branches(repo)
    path, text = draft_of(repo, branch)
    report, problems = read_report(PurePosixPath(path).name, load_taxonomy(config.taxonomy), text=text)
    assert problems == [] and report.status == "draft" and report.receipt_hash == receipt_hash(receipt)
    assert "Miller" in report.section_text("what-happened") and "937-555-0123" not in text
    page.close()


def test_validation_errors_without_javascript_keep_the_answers(browsers, intake):
    url, _ = intake
    page = open_tab(browsers, javascript=False)
    page.goto(url + "/")
    fill_form(page, prevented=False)
    page.get_by_role("button", name="Continue to review").click()
    page.wait_for_selector("#errors")
    assert "What stopped it from happening?: Please choose at least one." in page.locator("#errors").inner_text()
    assert page.get_by_label("A short headline").input_value() == "Passenger reached under the seat on a night stop"
    assert page.get_by_label("What happened").input_value() == STORY.replace("\n", "\n")
    assert page.get_by_label("Complacency").is_checked()
    assert page.locator("#f-event_type").input_value() == "traffic-stop"
    page.get_by_label("Partner or backup").check()
    page.get_by_role("button", name="Continue to review").click()
    page.wait_for_selector("text=Check your report before you send it")
    page.close()


@pytest.fixture(scope="module")
def track_site(tmp_path_factory):
    """The fixture content with a receipt on NM-2025-0001, built with `nearmiss build`, served under /cases/."""
    from generator.corpus import load_corpus
    from generator.pages.receipts import receipts_page
    from generator.serve import serve_directory
    from tests.conftest import run_build

    work = tmp_path_factory.mktemp("track")
    content = work / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    report = content / "reports" / "NM-2025-0001.md"
    code = "K3M9Q-2XD4F-7H2AB-1BC9Z"
    text = report.read_text().replace("reporter_role:", f"receipt_hash: {receipt_hash(code)}\nreporter_role:", 1)
    report.write_text(text)
    result = run_build(work, content)
    assert result.exit_code == 0, result.output
    receipts = receipts_page(load_corpus(content))  # what site.py writes once receipts_page is wired in
    target = work / "site" / receipts.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(receipts.content)
    server = serve_directory(work / "site", port=0, prefix="/cases/")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/cases/", code
    server.shutdown()
    server.server_close()


def test_track_page_finds_a_published_report_without_sending_the_code(browsers, track_site):
    url, code = track_site
    page = open_tab(browsers, javascript=True)
    requests = []
    page.on("request", lambda request: requests.append((request.url, request.post_data or "")))
    page.goto(url + "track/")
    page.get_by_label("Receipt code").fill("  " + code.lower().replace("-", " ") + " ")
    page.get_by_role("button", name="Check my receipt").click()
    page.wait_for_selector(".nm-track__result a")
    assert "has been published" in page.locator(".nm-track__result").inner_text()
    assert page.locator(".nm-track__result a").get_attribute("href") == url + "reports/NM-2025-0001/"

    page.get_by_label("Receipt code").fill("00000-00000-00000-00000")
    page.get_by_role("button", name="Check my receipt").click()
    page.locator(".nm-track__result", has_text="No published report has this code").wait_for()
    page.get_by_label("Receipt code").fill("not a code")
    page.get_by_role("button", name="Check my receipt").click()
    page.locator(".nm-track__result", has_text="does not look like a receipt code").wait_for()
    canonical = code.replace("-", "")
    for request_url, data in requests:
        assert canonical.lower() not in (request_url + data).lower() and "K3M9Q" not in request_url + data
    assert page.url == url + "track/" and page.errors == []
    page.close()

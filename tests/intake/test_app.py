"""The web service through Starlette's TestClient: form, review, confirm, and every way to be refused."""

from __future__ import annotations

import json
import logging
import re

import pytest
from starlette.testclient import TestClient

from generator.report import read_report
from generator.taxonomy import load_taxonomy
from intake.app import create_app
from intake.config import load_config
from intake.spool import Spool
from tests.intake.helpers import (ANSWERS, SECRET, env, hidden_of, post, receipt_hash, receipt_of, submit,
                                  token_of)

SECURITY_HEADERS = {
    "content-security-policy": "frame-ancestors 'none'",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
}


def spooled(config) -> list:
    spool = Spool(config.spool)
    return [spool.load(submission) for submission in spool.pending()]


def assert_secure(response):
    for name, value in SECURITY_HEADERS.items():
        assert value in response.headers.get(name, ""), name
    assert "set-cookie" not in response.headers and "server" not in response.headers


def test_form_page_is_accessible_and_mirrors_the_schema(client):
    page = client.get("/")
    assert page.status_code == 200
    assert_secure(page)
    html = page.text
    for name in ("event_type", "contributing_factors", "loss_potential", "what_prevented_harm", "month", "year",
                 "time_block", "region", "setting", "agency_size", "officers_on_scene", "reporter_role", "title",
                 "what_happened", "lessons_learned"):
        assert f'name="{name}"' in html, name
    # Every visible control has a label that points at it.
    ids = set(re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html))
    labelled = set(re.findall(r'<label for="([^"]+)"', html))
    assert ids <= labelled
    assert '<html lang="en">' in html and 'name="viewport"' in html
    assert re.search(r'<input type="checkbox" name="contributing_factors" id="f-contributing_factors-0" '
                     r'value="situational-awareness">', html)
    assert "<optgroup label=\"States\">" in html and 'value="unspecified"' in html
    assert "<script" not in html.split("</head>")[1]  # no inline script: the CSP forbids it
    assert 'style="' not in html


def test_submission_round_trip_spools_a_valid_draft(client, config):
    review, done = submit(client)
    assert review.status_code == 200 and done.status_code == 200
    assert_secure(done)
    # Auto-tier: the phone number never comes back, not even in the review page's hidden fields.
    assert "937-555-0123" not in review.text and "[REDACTED-PHONE]" in review.text
    assert "937-555-0123" not in done.text
    receipt = receipt_of(done.text)
    [item] = spooled(config)
    assert "937-555-0123" not in item.content + item.body
    report, problems = read_report(f"{item.report_id}.md", load_taxonomy(config.taxonomy), text=item.content)
    assert problems == [] and report.status == "draft"
    assert report.receipt_hash == receipt_hash(receipt)
    assert receipt not in item.content + item.body + item.commit_message
    assert SECRET not in review.text + done.text + item.content + item.body
    assert report.event_month == "2025-03" and report.contributing_factors == ("situational-awareness", "tactics") \
        or report.contributing_factors == ("complacency", "tactics")
    assert item.path == f"content/reports/{item.report_id}.md"
    assert "PHONE × 1" in item.body and "removed automatically" in item.body


def test_review_findings_are_highlighted_and_the_reporters_choice_is_applied(client, config):
    answers = {**ANSWERS, "what_happened": "My partner Miller froze. Later John Smith said Miller was fine."}
    review, _ = submit(client, answers, keep=())
    assert review.text.count("<mark id=\"flag-") >= 1 and "looks like a name" in review.text
    flagged = re.findall(r'<mark id="flag-\d+">([^<]+)<', review.text)
    assert flagged
    [removed] = spooled(config)
    for text in flagged:
        assert text not in removed.content.split("---", 2)[2]
    # The same answers, keeping every finding: the kept text is in the draft and listed for the reviewers.
    Spool(config.spool).mark_done(removed.submission_id, {"url": "x", "number": None})
    review, done = submit(client, answers, keep=tuple(range(1, 20)))
    [kept] = spooled(config)
    assert all(text in kept.content for text in flagged)
    assert "kept by the reporter" in kept.body and f"`{flagged[0]}`" in kept.body


def test_validation_errors_keep_every_answer(client):
    form = client.get("/")
    answers = {**ANSWERS, "what_prevented_harm": [], "title": "", "what_happened": "<b>Kept</b> & typed"}
    page = post(client, "/review", {"token": token_of(form.text), **answers})
    assert page.status_code == 422
    assert 'id="errors"' in page.text and 'href="#f-what_prevented_harm-0"' in page.text
    assert 'href="#f-title"' in page.text
    assert 'aria-invalid="true"' in page.text
    assert "&lt;b&gt;Kept&lt;/b&gt; &amp; typed</textarea>" in page.text  # escaped, and still there
    assert 'value="complacency" checked' in page.text and 'value="east-north-central" selected' in page.text


def test_future_month_is_refused(client):
    form = client.get("/")
    page = post(client, "/review", {"token": token_of(form.text), **ANSWERS, "year": "2099"})
    assert page.status_code == 422


def test_double_send_gives_one_submission_and_the_same_receipt(client, config):
    form = client.get("/")
    review = post(client, "/review", {"token": token_of(form.text), **ANSWERS})
    pairs = hidden_of(review.text) + [("action", "send")]
    first, second = post(client, "/confirm", pairs), post(client, "/confirm", pairs)
    assert receipt_of(first.text) == receipt_of(second.text)
    assert "already been received" in second.text
    assert len(spooled(config)) == 1


def test_edit_goes_back_to_the_filled_form_without_sending(client, config):
    form = client.get("/")
    review = post(client, "/review", {"token": token_of(form.text), **ANSWERS})
    page = post(client, "/confirm", hidden_of(review.text) + [("action", "edit")])
    assert page.status_code == 200 and 'action="/review"' in page.text and "[REDACTED-PHONE]" in page.text
    assert spooled(config) == []


def test_changed_text_after_review_must_be_reviewed_again(client, config):
    form = client.get("/")
    review = post(client, "/review", {"token": token_of(form.text), **ANSWERS})
    pairs = [(name, "Call 937-555-0199 now." if name == "what_happened" else value)
             for name, value in hidden_of(review.text)] + [("action", "send")]
    page = post(client, "/confirm", pairs)
    assert page.status_code == 409 and "review it again" in page.text
    assert "937-555-0199" not in page.text  # re-screened before it is shown again
    assert spooled(config) == []


def test_expired_or_forged_tokens_never_lose_the_text(repo, tmp_path):
    now = [1_900_000_000.0]
    config = load_config(env(repo, tmp_path / "spool", token_ttl="60"))
    with TestClient(create_app(config, clock=lambda: now[0])) as client:
        form = client.get("/")
        now[0] += 61
        page = post(client, "/review", {"token": token_of(form.text), **ANSWERS})
        assert page.status_code == 403 and "Passenger reached under the seat" in page.text
        page = post(client, "/review", {"token": "1.2.3", **ANSWERS})
        assert page.status_code == 403 and "Passenger reached under the seat" in page.text
        assert spooled(config) == []


def test_honeypot_is_refused_with_the_form_kept(client, config):
    form = client.get("/")
    page = post(client, "/review", {"token": token_of(form.text), **ANSWERS, "website": "http://spam.example"})
    assert page.status_code == 422 and "leave the last field empty" in page.text
    assert "Passenger reached under the seat" in page.text and "spam.example" not in page.text


@pytest.mark.parametrize("body, headers, status", [
    ("token=x&password=hunter2", {}, 400),
    ("title=a&title=b", {}, 400),
    ("{}", {"content-type": "application/json"}, 415),
    ("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nx\r\n--b--\r\n",
     {"content-type": "multipart/form-data; boundary=b"}, 415),
    ("token=x", {"origin": "https://evil.example"}, 403),
    ("token=x", {"sec-fetch-site": "cross-site"}, 403),
])
def test_requests_our_pages_never_send_are_refused(client, body, headers, status):
    response = client.post("/review", content=body, headers={"content-type": "application/x-www-form-urlencoded",
                                                              **headers})
    assert response.status_code == status
    assert_secure(response)


def test_origin_null_from_the_no_referrer_policy_is_accepted(client):
    review, _ = submit(client)
    form = client.get("/")
    page = post(client, "/review", {"token": token_of(form.text), **ANSWERS}, origin="null")
    assert page.status_code == 200


def test_body_size_limit(repo, tmp_path):
    config = load_config(env(repo, tmp_path / "spool", max_body="8192"))
    with TestClient(create_app(config)) as client:
        response = post(client, "/review", {"what_happened": "x" * 9000})
        assert response.status_code == 413 and "too long" in response.text
        chunks = iter([b"what_happened=", b"y" * 5000, b"y" * 5000])
        response = client.post("/review", content=chunks, headers={"content-type": "application/x-www-form-urlencoded"})
        assert response.status_code == 413


def test_rate_limit_answers_429_and_keeps_the_text(repo, tmp_path):
    config = load_config(env(repo, tmp_path / "spool", rate="2/600"))
    with TestClient(create_app(config)) as client:
        token = token_of(client.get("/").text)
        assert post(client, "/review", {"token": token, **ANSWERS}).status_code == 200
        assert post(client, "/review", {"token": token, **ANSWERS}).status_code == 200
        page = post(client, "/review", {"token": token, **ANSWERS})
        assert page.status_code == 429 and int(page.headers["retry-after"]) > 0
        assert "Passenger reached under the seat" in page.text


def test_no_address_reaches_the_logs(client, caplog):
    caplog.set_level(logging.DEBUG)
    submit(client)
    client.post("/review", content="x", headers={"content-type": "text/plain"})
    client.get("/nowhere")
    records = " ".join(f"{record.getMessage()} {record.exc_text or ''}" for record in caplog.records)
    assert "testclient" not in records and "127.0.0.1" not in records


def test_log_filter_scrubs_addresses_in_messages_and_tracebacks():
    from intake.logs import ScrubAddresses

    try:
        raise ValueError("peer 203.0.113.7 and 2001:db8::1 failed")
    except ValueError:
        import sys
        record = logging.LogRecord("uvicorn.error", logging.ERROR, __file__, 1, "from %s:%d", ("198.51.100.4", 5),
                                   sys.exc_info())
    ScrubAddresses().filter(record)
    text = record.getMessage() + record.exc_text
    assert "198.51.100.4" not in text and "203.0.113.7" not in text and "2001:db8::1" not in text
    assert "[address]" in text


def test_static_assets_and_unknown_pages(client):
    css = client.get("/static/intake.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    assert_secure(css)
    missing = client.get("/static/../app.py")
    assert missing.status_code == 404
    page = client.get("/admin")
    assert page.status_code == 404 and "Page not found" in page.text
    assert client.get("/review").status_code == 405


def test_success_page_links_to_the_track_page_when_configured(repo, tmp_path):
    config = load_config(env(repo, tmp_path / "spool", site_url="https://cases.example.org/library/"))
    with TestClient(create_app(config)) as client:
        _, done = submit(client)
    assert 'href="https://cases.example.org/library/track/"' in done.text


def test_served_under_a_sub_path(repo, tmp_path):
    config = load_config(env(repo, tmp_path / "spool"))
    with TestClient(create_app(config), root_path="/intake") as client:
        page = client.get("/intake/")
        assert 'action="/intake/review"' in page.text and 'href="/intake/static/intake.css"' in page.text


def test_nothing_is_written_before_confirm(client, config):
    form = client.get("/")
    post(client, "/review", {"token": token_of(form.text), **ANSWERS})
    files = [path for path in config.spool.rglob("*") if path.is_file() and path.name != "worker.lock"]
    assert files == []


def test_pr_body_is_inert_markdown(client, config):
    answers = {**ANSWERS, "title": "@octocat #12 `code` | pipe ![x](y)",
               "what_happened": "My partner `Miller` saw @someone fix #42 | there."}
    submit(client, answers, keep=tuple(range(1, 20)))
    [item] = spooled(config)
    assert "@octocat" not in item.title and "Draft report" in item.title
    for line in item.body.splitlines():
        if "kept by the reporter" in line:
            text = line.split("|")[4].strip()
            assert text.startswith("`") and text.endswith("`") and "`" not in text[1:-1]
    assert json.loads(item.to_json())["format"] == 1

"""`data/receipts.json` for the track page: only reports on the site, deterministic, sorted."""

from __future__ import annotations

import json
import shutil

from generator.corpus import load_corpus
from generator.pages.receipts import receipts_page
from tests.intake.helpers import FIXTURE_CONTENT


def with_receipts(tmp_path, changes: dict[str, str]):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    for report_id, extra in changes.items():
        path = content / "reports" / f"{report_id}.md"
        path.write_text(path.read_text().replace("reporter_role:", f"{extra}\nreporter_role:", 1))
    return load_corpus(content)


def test_lists_published_and_withdrawn_reports_never_drafts(tmp_path):
    a, b, c = ("sha256:" + digit * 64 for digit in "abc")
    corpus = with_receipts(tmp_path, {
        "NM-2025-0009": f"receipt_hash: {b}",
        "NM-2025-0001": f"receipt_hash: {a}",
        "NM-2025-0002": f"receipt_hash: {c}\nstatus: draft",
        "NM-2025-0027": "status: withdrawn\nwithdrawn_reason: duplicate\nreceipt_hash: " + "sha256:" + "d" * 64,
    })
    assert not [problem for problem in corpus.problems if problem.field in ("receipt_hash", "status")]
    page = receipts_page(corpus)
    assert page.src_uri == "data/receipts.json"
    data = json.loads(page.content)
    assert data == {"version": 1, "receipts": {
        a: {"status": "published", "url": "reports/NM-2025-0001/"},
        b: {"status": "published", "url": "reports/NM-2025-0009/"},
        "sha256:" + "d" * 64: {"status": "withdrawn"},
    }}
    assert list(data["receipts"]) == sorted(data["receipts"])
    assert receipts_page(corpus).content == page.content  # byte-identical across builds


def test_no_receipts_gives_an_empty_list(tmp_path):
    assert json.loads(receipts_page(with_receipts(tmp_path, {})).content) == {"receipts": {}, "version": 1}


def test_a_receipt_on_two_reports_points_at_the_published_one(tmp_path):
    shared = "sha256:" + "e" * 64
    corpus = with_receipts(tmp_path, {
        "NM-2025-0001": f"receipt_hash: {shared}\nstatus: withdrawn\nwithdrawn_reason: merged",
        "NM-2025-0009": f"receipt_hash: {shared}",
    })
    assert json.loads(receipts_page(corpus).content)["receipts"][shared] == {
        "status": "published", "url": "reports/NM-2025-0009/"}

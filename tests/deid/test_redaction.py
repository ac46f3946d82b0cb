"""Redaction: markers, offsets, tiers and idempotence; a redacted text rescans clean."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.deid import Finding, redact, scan
from tests.deid.sample_texts import PARAGRAPHS

DEV = Path(__file__).resolve().parent.parent / "deid_eval" / "dev.jsonl"


def dev_texts() -> list[str]:
    with open(DEV, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def test_markers_replace_auto_findings() -> None:
    text = "Ofc. J. Carter called 937-555-0123 on 14 March 2023."
    assert redact(text) == "[REDACTED-PERSON] called [REDACTED-PHONE] on [REDACTED-DATE]."


def test_markers_are_not_flagged() -> None:
    text = "Ofc. [REDACTED-PERSON] met [REDACTED-PERSON] ([REDACTED-AGE]) at [REDACTED-ADDRESS] on [REDACTED-DATE]."
    assert scan(text) == []


def test_explicit_findings_and_tiers() -> None:
    text = "Needmore Rd and the rest"
    review = Finding("ADDRESS", 0, 11, "Needmore Rd", 0.7, "named street", "review")
    assert redact(text, [review]) == text
    assert redact(text, [review], tiers=("review",)) == "[REDACTED-ADDRESS] and the rest"
    assert redact(text, [review], tiers=("auto", "review")) == "[REDACTED-ADDRESS] and the rest"


def test_stale_or_overlapping_findings_are_ignored() -> None:
    text = "Call 937-555-0123 now"
    stale = Finding("PHONE", 5, 17, "000-000-0000", 0.97, "phone", "auto")
    assert redact(text, [stale]) == text
    a = Finding("PHONE", 5, 17, "937-555-0123", 0.97, "phone", "auto")
    b = Finding("CASE", 9, 17, "555-0123", 0.9, "case", "auto")
    assert redact(text, [a, b]) == "Call [REDACTED-PHONE] now"


@pytest.mark.parametrize("tiers", [("auto",), ("auto", "review")])
def test_redaction_is_idempotent(tiers: tuple[str, ...]) -> None:
    for text in PARAGRAPHS + dev_texts():
        once = redact(text, tiers=tiers)
        assert redact(once, tiers=tiers) == once


def test_redacted_text_has_no_auto_findings_left() -> None:
    for text in PARAGRAPHS + dev_texts():
        assert [f for f in scan(redact(text)) if f.tier == "auto"] == []


def test_text_outside_findings_is_unchanged() -> None:
    text = PARAGRAPHS[0]
    findings = [f for f in scan(text) if f.tier == "auto"]
    out = redact(text, findings)
    pieces = []
    cursor = 0
    for f in findings:
        pieces.append(text[cursor:f.start])
        cursor = f.end
    pieces.append(text[cursor:])
    for piece in pieces:
        assert piece in out

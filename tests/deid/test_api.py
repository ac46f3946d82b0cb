"""The public API contract: Finding fields, ordering, overlaps, tiers, markers and acknowledgements."""

from __future__ import annotations

import json

import pytest

from generator.deid import Finding, is_acknowledged, marker, redact, scan
from tests.deid.sample_texts import PARAGRAPHS

TEXT = "\n\n".join(PARAGRAPHS)


def test_finding_text_matches_offsets_and_is_sorted_without_overlap() -> None:
    findings = scan(TEXT)
    assert findings
    for f in findings:
        assert TEXT[f.start:f.end] == f.text
        assert 0 <= f.confidence <= 1
        assert f.tier in ("auto", "review")
        assert f.reason
    assert findings == sorted(findings, key=lambda f: (f.start, f.end))
    for a, b in zip(findings, findings[1:]):
        assert a.end <= b.start


def test_to_dict_keys_and_json() -> None:
    f = scan("Call (937) 555-0123.")[0]
    d = f.to_dict()
    assert set(d) == {"type", "start", "end", "text", "confidence", "reason", "tier"}
    assert json.loads(json.dumps(d)) == d
    assert d["type"] == "PHONE" and d["tier"] == "auto" and "validated" in d["reason"]


def test_finding_is_frozen() -> None:
    f = scan("Call (937) 555-0123.")[0]
    with pytest.raises(AttributeError):
        f.start = 0  # type: ignore[misc]


def test_marker() -> None:
    assert marker("PERSON") == "[REDACTED-PERSON]"
    assert marker("phone") == "[REDACTED-PHONE]"


def test_tiers_validated_and_keyword_values_are_auto() -> None:
    by_text = {f.text: f.tier for f in scan("Ofc. J. Carter, badge 4471, call 937-555-0123, RD# 23-118822.")}
    assert by_text == {"Ofc. J. Carter": "auto", "4471": "auto", "937-555-0123": "auto", "23-118822": "auto"}


def test_weak_evidence_is_review_tier() -> None:
    # A street name alone without a house number, in lower-case writing, is not certain enough to redact blind.
    findings = scan("we met near the family dollar on troy st by the light.")
    assert findings and all(f.tier == "review" for f in findings)


def test_is_acknowledged_ignores_case_and_whitespace() -> None:
    f = Finding("ADDRESS", 0, 9, "Wayne  Ave", 0.9, "named street", "auto")
    assert is_acknowledged(f, ["wayne ave"])
    assert is_acknowledged(f, [" WAYNE\tAVE "])
    assert not is_acknowledged(f, ["Wayne"])
    assert not is_acknowledged(f, [])


def test_empty_text() -> None:
    assert scan("") == []
    assert redact("") == ""

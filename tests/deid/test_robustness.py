"""Odd input never breaks the scanner: offsets stay exact, findings never overlap, redaction is idempotent."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from generator.deid import redact, scan

EVAL = Path(__file__).resolve().parent.parent / "deid_eval"


def _dev_texts() -> list[str]:
    with open(EVAL / "dev.jsonl", encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle]


def test_short_names_and_titles_do_not_crash() -> None:
    # A titled surname shorter than three letters is never a re-mention key ("ofc. danny vo ... vo took the left").
    text = "me and ofc. danny vo went in first. vo took the left side."
    assert [f.text for f in scan(text)] == ["ofc. danny vo"]


def test_random_token_soup_keeps_the_contract() -> None:
    tokens = [t for text in _dev_texts()[:40] for t in re.findall(r"\S+|\s+", text)]
    extra = ['"', "'", "(", ")", "#", "-", "\u2014", "\u00f1", "\u2019", "\u201c", "@", "/", "\n", "\u0130", "\u00df",
             "[REDACTED-PERSON]", "u/", "www.", ".com", "12", "2023", "DEP", "SUBJ", "ID'D AS", "Ofc.", "x" * 40]
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(tokens) if rng.random() < 0.8 else rng.choice(extra)
                       for _ in range(rng.randint(1, 60)))
        text = text.upper() if rng.random() < 0.2 else text
        findings = scan(text)
        for f in findings:
            assert text[f.start:f.end] == f.text
        for a, b in zip(findings, findings[1:]):
            assert a.end <= b.start


def test_redacting_twice_changes_nothing_in_either_tier() -> None:
    for text in _dev_texts():
        for tiers in (("auto",), ("auto", "review")):
            once = redact(text, tiers=tiers)
            assert redact(once, tiers=tiers) == once

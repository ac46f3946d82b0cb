"""Multi-line YAML title/summary values in report front matter: scanned by `nearmiss scan`, redacted in place."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.deid.document import parse, redact_document, scan_document

FOLDED = """---
id: NM-TEST-3
title: Ofc. J. Carter and I
  stopped a van near Tucson
summary: >
  On 3/10/15 Jaden Whitlock ran
  toward the 1200 blk of Wayne Ave.
tags: [night]
deid_reviewed: ["Tucson"]
---

Body text with Sgt. Mike Reyes.
"""
LITERAL = """---
title: "A stop with Ofc. J. Carter
  on a cold night"
summary: |-
    Call 937-555-0123 now.

    Second paragraph, Ofc. Priya Natarajan.
published: 2025-01-01
---
Nothing here.
"""


def test_multi_line_values_are_free_text_segments() -> None:
    segments = {s.key: s for s in parse(FOLDED).segments if s.key}
    assert segments["title"].style == "multiline"
    assert segments["summary"].style == "block"
    assert FOLDED[segments["summary"].start:segments["summary"].end].startswith("On 3/10/15")
    assert FOLDED[segments["summary"].start:segments["summary"].end].endswith("Wayne Ave.")


def test_scan_reports_multi_line_values_with_file_positions() -> None:
    found = {(d.line, d.finding.text): d.acknowledged for d in scan_document(FOLDED)}
    assert found[(3, "Ofc. J. Carter")] is False
    assert found[(4, "Tucson")] is True
    assert (6, "3/10/15") in found and (6, "Jaden Whitlock") in found
    assert (7, "1200 blk of Wayne Ave") in found
    assert (12, "Sgt. Mike Reyes") in found
    assert not any(text == "night" for _, text in found)


def test_redaction_keeps_valid_yaml_and_the_other_fields() -> None:
    out = redact_document(FOLDED)
    front = yaml.safe_load(out.split("---")[1])
    assert front["title"] == "[REDACTED-PERSON] and I stopped a van near Tucson"  # acknowledged town kept
    assert front["summary"] == "On [REDACTED-DATE] [REDACTED-PERSON] ran toward the [REDACTED-ADDRESS].\n"
    assert front["tags"] == ["night"] and front["id"] == "NM-TEST-3"
    assert redact_document(out) == out

    literal = yaml.safe_load(redact_document(LITERAL).split("---")[1])
    assert literal["title"] == "A stop with [REDACTED-PERSON] on a cold night"
    assert literal["summary"] == "Call [REDACTED-PHONE] now.\n\nSecond paragraph, [REDACTED-PERSON]."
    assert literal["published"].isoformat() == "2025-01-01"


def test_nearmiss_scan_flags_a_block_summary(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(LITERAL)
    result = CliRunner().invoke(main, ["scan", str(path)])
    assert result.exit_code == 1
    assert any(line.startswith(f"{path}:5:10: PHONE") for line in result.stdout.splitlines())
    assert any(line.startswith(f"{path}:7:23: PERSON") for line in result.stdout.splitlines())

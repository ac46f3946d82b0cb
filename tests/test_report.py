"""Reading one report: every error `nearmiss check` must catch names the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.report import read_report

BROKEN = Path(__file__).parent / "fixtures" / "broken"

# fixture stem -> (line, field, piece of the message)
EXPECTED = {
    "unknown-vocabulary": (12, "event_type", 'unknown value "trafic-stop" (did you mean "traffic-stop"?)'),
    "unknown-factor-in-list": (13, "contributing_factors", 'did you mean "situational-awareness"?'),
    "day-in-month": (6, "event_month", "gives a day"),
    "missing-section": (19, "body", 'missing section "## Lessons learned"'),
    "unknown-section": (34, "body", 'unknown section "## Lesson learned" (did you mean "Lessons learned"?)'),
    "id-mismatch": (2, "id", 'does not match the file name "id-mismatch.md"'),
    "invalid-date": (5, "published", '"2025-02-30" is not a real date'),
    "raw-html": (27, "body", "contains raw HTML"),
    "template-syntax": (27, "body", "contains template syntax"),
    "missing-field": (1, "loss_potential", "missing required field"),
    "unknown-field": (13, "evnt_typ", 'unknown field (did you mean "event_type"?)'),
    "bad-yaml": (17, "tags", "did not find expected ',' or ']'"),
    "yaml-tag": (3, "title", "could not determine a constructor for the tag"),
    "superseded-without-target": (18, "superseded_by", "required when status is superseded"),
    "text-before-heading": (20, "body", "text before the first"),
    "no-front-matter": (1, "front matter", "must start with a '---' line"),
}


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_each_broken_fixture_reports_its_problem(stem, taxonomy):
    path = BROKEN / f"{stem}.md"
    report, problems = read_report(path, taxonomy)
    line, field, message = EXPECTED[stem]
    assert report is None
    matching = [p for p in problems if p.field == field and message in p.message]
    assert matching, f"expected {field}: {message!r}, got {[str(p) for p in problems]}"
    assert matching[0].line == line
    assert matching[0].path == str(path)


def test_every_broken_fixture_is_covered():
    assert {path.stem for path in BROKEN.glob("*.md")} == set(EXPECTED)


def test_valid_report_is_parsed_into_typed_fields(fixture_content, taxonomy):
    report, problems = read_report(fixture_content / "reports" / "NM-2025-0001.md", taxonomy)
    assert problems == []
    assert report.id == "NM-2025-0001"
    assert report.published.isoformat() == "2025-02-03"
    assert report.event_month == "2024-11"
    assert report.officers_on_scene == "1"
    assert report.contributing_factors == ("complacency", "situational-awareness", "tactics")
    assert list(report.sections) == ["what-happened", "lessons-learned", "discussion-questions"]
    assert report.sections["lessons-learned"].text.startswith("- A routine stop")
    assert report.status == "published" and report.is_public


def test_problems_are_all_reported_at_once(tmp_path, fixture_content, taxonomy):
    text = (fixture_content / "reports" / "NM-2025-0001.md").read_text()
    text = text.replace("event_type: traffic-stop", "event_type: nope").replace("loss_potential: fatal", "loss_potential: bad")
    text = text.replace("event_month: 2024-11", "event_month: 2024-13")
    path = tmp_path / "NM-2025-0001.md"
    path.write_text(text)
    _, problems = read_report(path, taxonomy)
    assert {p.field for p in problems} == {"event_type", "loss_potential", "event_month"}


def test_numbers_in_yaml_become_slugs(tmp_path, fixture_content, taxonomy):
    text = (fixture_content / "reports" / "NM-2025-0001.md").read_text().replace('officers_on_scene: "1"', "officers_on_scene: 1")
    path = tmp_path / "NM-2025-0001.md"
    path.write_text(text)
    report, problems = read_report(path, taxonomy)
    assert problems == [] and report.officers_on_scene == "1"


def test_unclassified_is_accepted_for_any_vocabulary(tmp_path, fixture_content, taxonomy):
    text = (fixture_content / "reports" / "NM-2025-0001.md").read_text()
    text = text.replace("event_type: traffic-stop", "event_type: unclassified").replace("region: east-north-central", "region: unclassified")
    path = tmp_path / "NM-2025-0001.md"
    path.write_text(text)
    report, problems = read_report(path, taxonomy)
    assert problems == [] and report.event_type == "unclassified"


def test_withdrawn_report_needs_no_sections(tmp_path, fixture_content, taxonomy):
    text = (fixture_content / "reports" / "NM-2025-0001.md").read_text()
    head = text[: text.index("## What happened")].replace("tags: [night, firearm]", "tags: [night, firearm]\nstatus: withdrawn")
    path = tmp_path / "NM-2025-0001.md"
    path.write_text(head)
    report, problems = read_report(path, taxonomy)
    assert problems == [] and report.status == "withdrawn" and not report.is_public


@pytest.mark.parametrize("value, message", [
    ("title: x\x00y", "control"),
    ("title: a &lt;b&gt; c", "an HTML entity"),
])
def test_markup_in_title_is_rejected(tmp_path, fixture_content, taxonomy, value, message):
    text = (fixture_content / "reports" / "NM-2025-0001.md").read_text()
    text = text.replace("title: Passenger's hand went under the seat on a late-night stop", value)
    path = tmp_path / "NM-2025-0001.md"
    path.write_text(text)
    report, problems = read_report(path, taxonomy)
    assert report is None
    assert any(message in p.message for p in problems), [str(p) for p in problems]

"""The Report domain object, and reading one from a file against the schema."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import NearmissError, Problem
from generator.frontmatter import split_document
from generator.schema import FIELDS, FIELDS_BY_NAME, ID_PATTERN, Invalid, normalize, period_start
from generator.sections import SECTION_TITLES, Section, missing_sections, parse_sections
from generator.suggest import did_you_mean
from generator.taxonomy import Taxonomy
from generator.untrusted import find_forbidden

TEXT_FIELDS = ("title", "summary", "withdrawn_reason")


@dataclass(frozen=True)
class Report:
    """One approved, redacted near-miss report."""

    id: str
    path: str
    title: str
    summary: str
    published: dt.date
    event_month: str
    time_block: str
    region: str
    setting: str
    agency_size: str
    officers_on_scene: str
    event_type: str
    contributing_factors: tuple[str, ...]
    loss_potential: str
    what_prevented_harm: tuple[str, ...]
    reporter_role: str
    sections: dict[str, Section] = field(compare=False)
    tags: tuple[str, ...] = ()
    status: str = "published"
    superseded_by: str | None = None
    supersedes: tuple[str, ...] = ()
    withdrawn_reason: str | None = None
    deid_reviewed: tuple[str, ...] = ()
    kanon_reviewed: str | None = None
    source_id: str | None = None
    receipt_hash: str | None = None
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    body: str = field(default="", compare=False, repr=False)
    body_line: int = field(default=1, compare=False, repr=False)

    @property
    def is_public(self) -> bool:
        """Listed, searched, related, fed and exported: published and current."""
        return self.status == "published"

    @property
    def is_shown(self) -> bool:
        """Its text is on the site: current cases, and superseded ones (kept at their URL, with a notice)."""
        return self.status in ("published", "superseded")

    @property
    def has_page(self) -> bool:
        """Has a page at /reports/<ID>/: shown cases, and a tombstone for a withdrawn one."""
        return self.status != "draft"

    @property
    def event_year(self) -> str:
        return self.event_month[:4]

    def section_text(self, slug: str) -> str:
        section = self.sections.get(slug)
        return section.text if section else ""

    def line_of(self, field_name: str) -> int:
        return self.field_lines.get(field_name, 1)


def read_report(path: Path, taxonomy: Taxonomy, text: str | None = None) -> tuple[Report | None, list[Problem]]:
    """Parse and validate one report file; return the report (None if unusable) and every problem found."""
    name = str(path)
    try:
        document = split_document(text if text is not None else path.read_text(encoding="utf-8"), name)
    except NearmissError as error:
        return None, error.problems
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(name, 1, "file", f"cannot read: {error}")]
    problems: list[Problem] = []
    values = _validate_fields(document, taxonomy, problems)
    sections, structure = parse_sections(document.body, document.body_line)
    problems += [Problem(name, line, "body", message) for line, message in structure]
    _check_consistency(path, document, values, sections, problems)
    _check_untrusted(name, document, values, sections, problems)
    if problems:
        return None, problems
    return Report(path=name, sections=sections, field_lines=document.field_lines, body=document.body,
                  body_line=document.body_line, **values), []


def _validate_fields(document, taxonomy: Taxonomy, problems: list[Problem]) -> dict:
    values = {}
    for key, value in document.front.items():
        spec = FIELDS_BY_NAME.get(str(key))
        if spec is None:
            hint = did_you_mean(str(key), FIELDS_BY_NAME)
            problems.append(Problem(document.path, document.line_of(str(key)), str(key), f"unknown field{hint}"))
            continue
        try:
            values[spec.name] = normalize(spec, value, taxonomy)
        except Invalid as error:
            problems.append(Problem(document.path, document.line_of(spec.name), spec.name, str(error)))
    for spec in FIELDS:
        if spec.required and spec.name not in document.front:
            problems.append(Problem(document.path, 1, spec.name, "missing required field"))
    return values


def _check_consistency(path: Path, document, values: dict, sections: dict, problems: list[Problem]) -> None:
    name, stem = document.path, Path(path).stem
    if not ID_PATTERN.match(stem):
        problems.append(Problem(name, 1, "id", f'file name "{stem}" is not a valid report ID'))
    elif "id" in values and values["id"] != stem:
        problems.append(Problem(name, document.line_of("id"), "id",
                                f'"{values["id"]}" does not match the file name "{stem}.md"'))
    status = values.get("status", "published")
    if status == "superseded" and not values.get("superseded_by"):
        problems.append(Problem(name, document.line_of("status"), "superseded_by", "required when status is superseded"))
    if values.get("superseded_by") and status != "superseded":
        problems.append(Problem(name, document.line_of("superseded_by"), "status", "must be superseded when superseded_by is set"))
    published, period = values.get("published"), values.get("event_month")
    if published and period and period_start(period) > published:
        problems.append(Problem(name, document.line_of("event_month"), "event_month",
                                f'"{period}" is after the publication date {published.isoformat()}'))
    if status != "withdrawn":
        for slug in missing_sections(sections):
            problems.append(Problem(name, document.body_line, "body", f'missing section "## {SECTION_TITLES[slug]}"'))


def _check_untrusted(name: str, document, values: dict, sections: dict, problems: list[Problem]) -> None:
    for key in TEXT_FIELDS:
        found = isinstance(values.get(key), str) and find_forbidden(values[key])
        if found:
            problems.append(Problem(name, document.line_of(key), key, f"contains {found[1]}: {found[2]!r}"))
    found = find_forbidden(document.body)
    if found:
        line = document.body_line + document.body.count("\n", 0, found[0])
        problems.append(Problem(name, line, "body", f"contains {found[1]} ({found[2]!r}); report text must be plain"))

"""The corpus: every report in a content directory, validated, plus the taxonomy they use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import NearmissError, Problem
from generator.report import Report, read_report
from generator.taxonomy import Taxonomy, load_taxonomy


@dataclass
class Corpus:
    """All reports of a content directory, sorted by ID, and the problems found loading them."""

    content_dir: Path
    taxonomy: Taxonomy
    reports: list[Report]
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_id = {report.id: report for report in self.reports}

    @property
    def public(self) -> list[Report]:
        """Current published cases: listed, searched, related, in feeds and exports."""
        return [report for report in self.reports if report.is_public]

    @property
    def shown(self) -> list[Report]:
        """Cases whose text is on the site (also superseded ones): what the publication gate checks."""
        return [report for report in self.reports if report.is_shown]

    def newest_first(self) -> list[Report]:
        """Public reports by publication date, newest first; ties by ID for a stable order."""
        ordered = sorted(self.public, key=lambda report: report.id)
        return sorted(ordered, key=lambda report: report.published, reverse=True)


def content_paths(content_dir: Path) -> tuple[Path, Path]:
    """The taxonomy file and the reports folder of a content directory; NearmissError if one is missing."""
    taxonomy_path, reports_dir = content_dir / "taxonomy.yml", content_dir / "reports"
    if not taxonomy_path.is_file():
        raise NearmissError(Problem(str(taxonomy_path), 1, "taxonomy", "file not found (is --content right?)"))
    if not reports_dir.is_dir():
        raise NearmissError(Problem(str(reports_dir), 1, "reports", "folder not found (is --content right?)"))
    return taxonomy_path, reports_dir


def load_corpus(content_dir: Path | str) -> Corpus:
    """Load and validate every report; problems are collected, not raised, except an unusable directory."""
    content_dir = Path(content_dir)
    taxonomy_path, reports_dir = content_paths(content_dir)
    taxonomy = load_taxonomy(taxonomy_path)
    reports, problems = [], []
    for path in sorted(reports_dir.glob("*.md")):
        report, found = read_report(path, taxonomy)
        problems += found
        if report is not None:
            reports.append(report)
    problems += cross_check(reports)
    return Corpus(content_dir, taxonomy, sorted(reports, key=lambda report: report.id), sorted(problems))


def cross_check(reports: list[Report]) -> list[Problem]:
    """Problems that involve more than one report: duplicate IDs and references to missing reports."""
    problems, seen = [], {}
    for report in reports:
        # IDs are URLs; two that differ only in case collide on case-insensitive file systems and servers.
        key = report.id.lower()
        if key in seen:
            problems.append(Problem(report.path, report.line_of("id"), "id",
                                    f'duplicate ID "{report.id}" (also {seen[key].path})'))
        seen.setdefault(key, report)
    by_id = {report.id: report for report in reports}
    for report in reports:
        for field_name in ("superseded_by", "supersedes"):
            value = getattr(report, field_name)
            for target in ([value] if isinstance(value, str) else value or ()):
                if target not in by_id:
                    problems.append(Problem(report.path, report.line_of(field_name), field_name,
                                            f'refers to unknown report "{target}"'))
                elif target == report.id:
                    problems.append(Problem(report.path, report.line_of(field_name), field_name, "refers to itself"))
        for target in report.supersedes:
            merged = by_id.get(target)
            if merged is not None and (merged.status != "superseded" or merged.superseded_by != report.id):
                problems.append(Problem(merged.path, merged.line_of("status"), "superseded_by",
                                        f'{report.id} supersedes this report: set status: superseded and '
                                        f'superseded_by: {report.id}'))
    return problems

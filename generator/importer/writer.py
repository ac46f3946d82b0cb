"""Report files and the content directory an import writes."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.errors import NearmissError, Problem
from generator.schema import FIELDS
from generator.sections import SECTION_TITLES


@dataclass
class Record:
    """One report to write: front-matter values by field name, and section texts by section slug."""

    values: dict[str, object]
    sections: dict[str, str] = field(default_factory=dict)
    source: str = ""  # "file:line", for problems found when validating the written text

    @property
    def id(self) -> str:
        return str(self.values["id"])


def report_text(record: Record) -> str:
    """The report file: YAML front matter in schema order (written by yaml.safe_dump), then the sections."""
    front = {spec.name: record.values[spec.name] for spec in FIELDS if spec.name in record.values}
    header = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)
    body = [f"## {title}\n\n{record.sections[slug]}\n" for slug, title in SECTION_TITLES.items()
            if record.sections.get(slug)]
    return f"---\n{header}---\n\n" + "\n".join(body)


def prepare_directory(out_dir: Path, replace: bool) -> Path:
    """Create DIR/reports; refuse to mix with reports already there unless `replace` (which removes them)."""
    reports = out_dir / "reports"
    existing = sorted(reports.glob("*.md")) if reports.is_dir() else []
    if existing and not replace:
        raise NearmissError(Problem(str(reports), 1, "--out", f"already holds {len(existing)} report(s); "
                                                              "use --replace to replace them"))
    for path in existing:
        path.unlink()
    reports.mkdir(parents=True, exist_ok=True)
    return reports


def write_content(out_dir: Path, texts: dict[str, str], taxonomy_path: Path, replace: bool) -> None:
    """Write every report file (by ID) and the taxonomy into the content directory."""
    reports = prepare_directory(out_dir, replace)
    for report_id, text in texts.items():
        (reports / f"{report_id}.md").write_text(text, encoding="utf-8")
    if taxonomy_path.resolve() != (out_dir / "taxonomy.yml").resolve():
        shutil.copyfile(taxonomy_path, out_dir / "taxonomy.yml")

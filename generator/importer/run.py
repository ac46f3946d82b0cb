"""One import: read rows, convert each into a report, validate it against the schema, write the directory."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.analysis.text import NOT_RECORDED, shorten
from generator.errors import NearmissError, Problem
from generator.importer import prose
from generator.importer.ids import IdError, assign_ids
from generator.importer.prose import (
    TITLE_LENGTH,
    clean_body,
    clean_line,
    derive_summary,
    derive_title,
)
from generator.importer.sources import Row, read_csv, read_jsonl
from generator.importer.spec import (
    TEXT_TARGETS,
    VOCABULARY_TARGETS,
    ImportSpec,
    check_columns,
)
from generator.importer.values import CellError, VocabularyMatcher, event_month
from generator.importer.writer import Record, report_text, write_content
from generator.progress import Progress
from generator.report import read_report
from generator.schema import FIELDS_BY_NAME
from generator.taxonomy import UNCLASSIFIED, Taxonomy, load_taxonomy

READERS = {"csv": read_csv, "jsonl": read_jsonl}


@dataclass
class ImportResult:
    """What an import wrote, and notes worth telling the user (counts of fallbacks)."""

    out_dir: Path
    reports: int
    redacted: bool
    notes: Counter = field(default_factory=Counter)


def import_file(kind: str, path: Path, out_dir: Path, spec: ImportSpec, replace: bool = False) -> ImportResult:
    """Import a CSV or JSONL file into `out_dir`; raise NearmissError listing every problem, writing nothing."""
    columns, rows = READERS[kind](Path(path))
    check_columns(spec, columns, str(path), "column" if kind == "csv" else "key")
    taxonomy = load_taxonomy(spec.taxonomy)
    rows = _sample(list(rows), spec.sample)
    converter = _Converter(spec, taxonomy, prose.load_redactor())
    records = converter.convert_all(rows)
    texts = {record.id: report_text(record) for record in records}
    _validate(texts, records, taxonomy, out_dir)
    write_content(Path(out_dir), texts, Path(spec.taxonomy), replace)
    return ImportResult(Path(out_dir), len(records), converter.redact is not None, converter.notes)


def _sample(rows: list[Row], size: int | None) -> list[Row]:
    """`size` rows evenly spaced through the file (all of them when size is None or larger)."""
    if size is None or size >= len(rows):
        return rows
    return [rows[(index * len(rows)) // size] for index in range(size)]


class _Converter:
    def __init__(self, spec: ImportSpec, taxonomy: Taxonomy, redact) -> None:
        self.spec, self.taxonomy, self.redact = spec, taxonomy, redact
        self.matchers = {name: VocabularyMatcher(taxonomy[FIELDS_BY_NAME[name].vocabulary])
                         for name in VOCABULARY_TARGETS}
        self.notes: Counter = Counter()

    def convert_all(self, rows: list[Row]) -> list[Record]:
        problems: list[Problem] = []
        try:
            ids = assign_ids([row.cell(self.spec.id).strip() if self.spec.id else None for row in rows],
                             self.spec.id_prefix)
        except IdError as error:
            row_index, message = error.args
            row = rows[row_index] if row_index >= 0 else None
            raise NearmissError(Problem(row.path if row else "--id-prefix", row.line if row else 1,
                                        row.where(self.spec.id) if row else "id", message)) from None
        records = []
        with Progress("import: converting rows", len(rows), unit="rows") as progress:
            for row, (report_id, source_id) in zip(rows, ids):
                try:
                    records.append(self.convert(row, report_id, source_id))
                except _RowProblem as problem:
                    problems.append(Problem(row.path, row.line, row.where(problem.column), problem.message))
                progress.advance(1)
        if problems:
            raise NearmissError(problems)
        return records

    def convert(self, row: Row, report_id: str, source_id: str | None) -> Record:
        raw = row.cell(self.spec.text)
        if not raw.strip():
            raise _RowProblem(self.spec.text, "empty text; every report needs its account of what happened")
        text = clean_body(self._redacted(raw))
        values: dict[str, object] = {"id": report_id, "title": self._title(row, text),
                                     "summary": self._summary(row, text),
                                     "published": self.spec.published.isoformat(), "event_month": self._month(row)}
        values.update(self._facets(row))
        if source_id is not None:
            values["source_id"] = clean_line(source_id)
        sections = {"what-happened": text, "lessons-learned": self._section(row, "lessons_learned") or NOT_RECORDED}
        for target in ("discussion_questions", "follow_up"):
            sections[TEXT_TARGETS[target]] = self._section(row, target)
        return Record(values, sections, f"{row.path}:{row.line}")

    def _redacted(self, text: str) -> str:
        return self.redact(text) if self.redact is not None else text

    def _title(self, row: Row, text: str) -> str:
        cell = row.cell(self.spec.title) if self.spec.title else ""
        if cell.strip():
            return shorten(clean_line(self._redacted(cell)), TITLE_LENGTH)
        return derive_title(text)

    def _summary(self, row: Row, text: str) -> str:
        for column in self.spec.columns_for("summary"):
            if row.cell(column).strip():
                return derive_summary(clean_line(self._redacted(row.cell(column))))
        return derive_summary(text)

    def _month(self, row: Row) -> str:
        for column in self.spec.dates:
            cell = row.cell(column)
            if cell.strip():
                try:
                    return event_month(cell)
                except CellError as error:
                    raise _RowProblem(column, str(error)) from None
        self.notes["event_month: no date, used the publication month"] += 1
        return self.spec.published.strftime("%Y-%m")

    def _facets(self, row: Row) -> dict[str, object]:
        values: dict[str, object] = {}
        for name in VOCABULARY_TARGETS:
            slugs: list[str] = []
            for column in self.spec.columns_for(name):
                try:
                    found = self.matchers[name].values(row.cell(column), self.spec.unknown_values)
                except CellError as error:
                    raise _RowProblem(column, str(error)) from None
                slugs += [slug for slug in found if slug not in slugs]
            if len(slugs) > 1 and UNCLASSIFIED in slugs:
                slugs.remove(UNCLASSIFIED)
            if FIELDS_BY_NAME[name].kind == "one":
                if len(slugs) > 1:
                    self.notes[f"{name}: several values, kept the first"] += 1
                values[name] = slugs[0] if slugs else UNCLASSIFIED
            elif slugs or FIELDS_BY_NAME[name].required:
                values[name] = slugs or [UNCLASSIFIED]
        return values

    def _section(self, row: Row, target: str) -> str:
        parts = [clean_body(self._redacted(row.cell(column))) for column in self.spec.columns_for(target)]
        return "\n\n".join(part for part in parts if part)


class _RowProblem(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


def _validate(texts: dict[str, str], records: list[Record], taxonomy: Taxonomy, out_dir: Path) -> None:
    """Every written file must pass `nearmiss check`; a failure here is a bug in the importer, reported with
    the input line it came from."""
    problems = []
    with Progress("import: validating reports", len(records), unit="reports") as progress:
        for record in records:
            path = Path(out_dir) / "reports" / f"{record.id}.md"
            _, found = read_report(path, taxonomy, texts[record.id])
            problems += [Problem(record.source, 1, problem.field, f"converted report is invalid: {problem.message}")
                         for problem in found]
            progress.advance(1)
    if problems:
        raise NearmissError(problems)

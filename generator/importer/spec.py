"""What to import from which column: the options of `nearmiss import`, checked against the file's columns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import NearmissError, Problem
from generator.schema import FIELDS_BY_NAME
from generator.suggest import did_you_mean

DEFAULT_TAXONOMY = Path(__file__).resolve().parent.parent / "taxonomies" / "law-enforcement.yml"
# Fields --map can fill besides the vocabularies: the summary and the optional report sections.
TEXT_TARGETS = {"summary": "summary", "lessons_learned": "lessons-learned", "follow_up": "follow-up",
                "discussion_questions": "discussion-questions"}
VOCABULARY_TARGETS = tuple(name for name, spec in FIELDS_BY_NAME.items() if spec.vocabulary)


@dataclass(frozen=True)
class ImportSpec:
    """Which columns (CSV) or keys (JSONL) feed which report field."""

    text: str
    title: str | None = None
    id: str | None = None
    dates: tuple[str, ...] = ()
    maps: tuple[tuple[str, str], ...] = ()  # (field, column); a field may be fed by several columns
    taxonomy: Path = DEFAULT_TAXONOMY
    published: dt.date = field(default_factory=dt.date.today)
    id_prefix: str = "R"
    unknown_values: str = "error"           # or "unclassified"
    sample: int | None = None               # evenly spaced rows, for examples

    def columns_for(self, target: str) -> list[str]:
        return [column for name, column in self.maps if name == target]

    def used_columns(self) -> list[str]:
        named = [self.text, self.title, self.id, *self.dates, *(column for _, column in self.maps)]
        return [column for column in named if column]


def parse_maps(entries: list[str], source: str = "--map") -> tuple[tuple[str, str], ...]:
    """Parse FIELD=COLUMN entries; raise NearmissError naming the bad ones and the allowed fields."""
    parsed, problems = [], []
    allowed = sorted(set(VOCABULARY_TARGETS) | set(TEXT_TARGETS))
    for entry in entries:
        name, sep, column = entry.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or not column.strip():
            problems.append(Problem(source, 1, entry, "must be FIELD=COLUMN, e.g. event_type=Incident Type"))
        elif name not in allowed:
            problems.append(Problem(source, 1, entry, f'unknown field "{name}"{did_you_mean(name, allowed)}; '
                                                      f"allowed: {', '.join(allowed)}"))
        else:
            parsed.append((name, column.strip()))
    if problems:
        raise NearmissError(problems)
    return tuple(parsed)


def check_columns(spec: ImportSpec, columns: list[str], path: str, word: str) -> None:
    """Every named column must exist in the file (JSONL: in at least one record)."""
    problems = []
    for column in spec.used_columns():
        if column not in columns:
            problems.append(Problem(path, 1, f"{word} {column!r}",
                                    f"not in the file{did_you_mean(column, columns)}; it has: {', '.join(columns)}"))
    if problems:
        raise NearmissError(problems)

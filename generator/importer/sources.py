"""Rows of a CSV or JSONL file, each with the line it starts on, so that problems can point at it."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.errors import NearmissError, Problem


@dataclass(frozen=True)
class Row:
    """One input record: where it starts, and its cells by column (CSV) or key (JSONL)."""

    path: str
    line: int
    values: dict[str, object]
    columns_word: str = "column"

    def cell(self, name: str) -> str:
        """The cell as text ("" when empty or absent); lists are joined with ';' (multi-valued JSON keys)."""
        value = self.values.get(name)
        if value is None:
            return ""
        if isinstance(value, list):
            return ";".join(str(item) for item in value if item is not None)
        return str(value)

    def where(self, name: str) -> str:
        return f"{self.columns_word} {name!r}"


def read_csv(path: Path) -> tuple[list[str], Iterator[Row]]:
    """The header and the rows of a UTF-8 CSV file (a byte-order mark is allowed)."""
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 27))  # real narratives exceed the 128 KB default
    stream = _open(path)
    reader = csv.reader(stream)
    try:
        header = next(reader)
    except StopIteration:
        raise NearmissError(Problem(str(path), 1, "header", "the file is empty; the first line must name the "
                                                         "columns")) from None
    except csv.Error as error:
        raise NearmissError(Problem(str(path), 1, "header", f"not valid CSV: {error}")) from None
    except UnicodeDecodeError:
        raise NearmissError(Problem(str(path), 1, "header", "not UTF-8 text; convert the file to UTF-8")) from None
    header = [name.strip() for name in header]
    return header, _csv_rows(path, header, reader)


def _csv_rows(path: Path, header: list[str], reader) -> Iterator[Row]:
    start = reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if len(cells) != len(header):
                    raise NearmissError(Problem(str(path), start, "row", f"has {len(cells)} cells; the header has "
                                                                         f"{len(header)} columns"))
                yield Row(str(path), start, dict(zip(header, cells)))
            start = reader.line_num + 1
    except csv.Error as error:
        raise NearmissError(Problem(str(path), start, "row", f"not valid CSV: {error}")) from None
    except UnicodeDecodeError:
        raise NearmissError(Problem(str(path), start, "row", "not UTF-8 text; convert the file to UTF-8")) from None


def read_jsonl(path: Path) -> tuple[list[str], Iterator[Row]]:
    """Every key used by some record, and the records of a JSON Lines file (one object a line)."""
    records = list(_jsonl_rows(path))
    keys = list(dict.fromkeys(key for record in records for key in record.values))
    return keys, iter(records)


def _jsonl_rows(path: Path) -> Iterator[Row]:
    with _open(path) as stream:
        try:
            lines = stream.read().split("\n")
        except UnicodeDecodeError:
            raise NearmissError(Problem(str(path), 1, "file", "not UTF-8 text; convert the file to UTF-8")) from None
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                raise NearmissError(Problem(str(path), number, "json", f"not valid JSON: {error.msg} at "
                                                                       f"character {error.pos + 1}")) from None
            if not isinstance(value, dict):
                raise NearmissError(Problem(str(path), number, "json", "each line must be a JSON object {...}"))
            yield Row(str(path), number, value, "key")


def _open(path: Path):
    try:
        return open(path, encoding="utf-8-sig", newline="")
    except OSError as error:
        raise NearmissError(Problem(str(path), 1, "file", f"cannot read: {error.strerror}")) from None

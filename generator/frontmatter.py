"""Split a report file into its YAML front matter and Markdown body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass

from generator.errors import NearmissError, Problem
from generator.yamlio import key_lines, parse_yaml

DELIMITER = "---"


@dataclass(frozen=True)
class SourceDocument:
    """A report file as written: front matter values, the line of each key, and the body."""

    path: str
    front: dict
    field_lines: dict[str, int]
    body: str
    body_line: int  # 1-based line number of the body's first line

    def line_of(self, field: str) -> int:
        return self.field_lines.get(field, 1)


def split_document(text: str, path: str) -> SourceDocument:
    """Parse `---` front matter and body; raise NearmissError for a missing or malformed header."""
    text = text.replace("\r\n", "\n").removeprefix("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != DELIMITER:
        raise NearmissError(Problem(path, 1, "front matter", "the file must start with a '---' line"))
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].rstrip() in (DELIMITER, "..."))
    except StopIteration:
        raise NearmissError(Problem(path, 1, "front matter", "no closing '---' line")) from None
    header = "\n".join(lines[1:end])
    front = parse_yaml(header, path, first_line=2)
    if front is None:
        front = {}
    if not isinstance(front, dict):
        raise NearmissError(Problem(path, 2, "front matter", "must be a mapping of field: value"))
    field_lines = key_lines(header, first_line=2)
    _reject_duplicate_keys(header, path)
    return SourceDocument(path, front, field_lines, "\n".join(lines[end + 1:]), end + 2)


def _reject_duplicate_keys(header: str, path: str) -> None:
    # PyYAML silently keeps the last of two equal keys; a reviewer would read the first.
    seen: dict[str, int] = {}
    for offset, line in enumerate(header.split("\n")):
        if line[:1] in ("", " ", "#", "-") or ":" not in line:
            continue
        key = line.split(":", 1)[0].strip()
        if key in seen:
            raise NearmissError(Problem(path, offset + 2, key, f"duplicate field (first on line {seen[key]})"))
        seen[key] = offset + 2

"""Report IDs for imported rows: a source ID that is already a valid report ID is kept exactly; any other is
turned into a valid, unique one, and the original is kept as `source_id`."""

from __future__ import annotations

from generator.importer.values import slugify
from generator.schema import FIELDS_BY_NAME, ID_PATTERN

MAX_ID = 64
MAX_SOURCE_ID = FIELDS_BY_NAME["source_id"].max_length


class IdError(ValueError):
    """A source ID that cannot be imported."""


def assign_ids(source_ids: list[str | None], prefix: str) -> list[tuple[str, str | None]]:
    """(report ID, source_id) for each row, in order. Raises IdError(row index, message) for empty, overlong
    or duplicate source IDs."""
    if not ID_PATTERN.match(f"{prefix}-1"):
        raise IdError(-1, f'--id-prefix "{prefix}" must be letters, digits and hyphens')
    kept = _kept_ids(source_ids)
    taken = {report_id.lower() for report_id in kept.values()}
    assigned = []
    for row, source in enumerate(source_ids):
        if source is None:
            assigned.append((_unique(f"{prefix}-{row + 1:06d}", taken), None))
        elif row in kept:
            assigned.append((kept[row], None))
        else:
            assigned.append((_unique(_minted(source, prefix, row), taken), source))
    return assigned


def _kept_ids(source_ids: list[str | None]) -> dict[int, str]:
    kept, first_row, kept_row = {}, {}, {}
    for row, source in enumerate(source_ids):
        if source is None:
            continue
        if not source:
            raise IdError(row, "empty ID")
        if len(source) > MAX_SOURCE_ID:
            raise IdError(row, f"ID is {len(source)} characters long; at most {MAX_SOURCE_ID}")
        if "\n" in source or "\r" in source:
            raise IdError(row, "ID spans several lines")
        if source in first_row:
            raise IdError(row, f'duplicate ID "{source}" (also in record {first_row[source] + 1} of the input)')
        first_row[source] = row
        if ID_PATTERN.match(source):
            # IDs are URLs: two that differ only in case collide on case-insensitive file systems.
            if source.lower() in kept_row:
                other = kept_row[source.lower()]
                raise IdError(row, f'ID "{source}" differs only in case from "{kept[other]}" (record {other + 1})')
            kept[row], kept_row[source.lower()] = source, row
    return kept


def _minted(source: str, prefix: str, row: int) -> str:
    base = slugify(source)[: MAX_ID - 8].strip("-")
    return base if base and ID_PATTERN.match(base) else f"{prefix}-{row + 1:06d}"


def _unique(candidate: str, taken: set[str]) -> str:
    unique, number = candidate, 2
    while unique.lower() in taken:
        unique, number = f"{candidate}-{number}", number + 1
    taken.add(unique.lower())
    return unique

"""The one report schema, used by `nearmiss check`, the MkDocs plugin and the intake form.

Each field declares its kind; a kind is a function that normalizes a YAML value or says what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.suggest import allowed_list, did_you_mean
from generator.taxonomy import Taxonomy, UNCLASSIFIED

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")
NEW_ID_PATTERN = re.compile(r"^NM-\d{4}-\d{4,}$")
# An event period: a month (YYYY-MM), or coarser when the k-anonymity check asks for it: a quarter or a year.
MONTH_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})|-Q([1-4]))?$")
STATUSES = ("published", "withdrawn", "superseded", "draft")


class Invalid(ValueError):
    """A field value is wrong; the message says why and what is allowed."""


@dataclass(frozen=True)
class Field:
    """One front-matter field: its kind, whether it is required, and its vocabulary or length limit."""

    name: str
    kind: str
    required: bool = True
    vocabulary: str | None = None
    max_length: int = 0
    label: str = ""
    help: str = ""


FIELDS: tuple[Field, ...] = (
    Field("id", "id", help="Permanent report ID; equals the file name. New reports use NM-YYYY-NNNN."),
    Field("title", "line", max_length=120, help="A short, specific headline."),
    Field("summary", "line", max_length=300, help="A one-sentence synopsis."),
    Field("published", "date", help="Publication date, YYYY-MM-DD (not the event date)."),
    Field("event_month", "month", help="Month of the event, YYYY-MM (or YYYY-Qn or YYYY to coarsen). Never a day."),
    Field("time_block", "one", vocabulary="time_block"),
    Field("region", "one", vocabulary="region"),
    Field("setting", "one", vocabulary="setting"),
    Field("agency_size", "one", vocabulary="agency_size"),
    Field("officers_on_scene", "one", vocabulary="officers_on_scene"),
    Field("event_type", "one", vocabulary="event_type"),
    Field("contributing_factors", "many", vocabulary="contributing_factors"),
    Field("loss_potential", "one", vocabulary="loss_potential"),
    Field("what_prevented_harm", "many", vocabulary="what_prevented_harm"),
    Field("reporter_role", "one", vocabulary="reporter_role"),
    Field("tags", "many", required=False, vocabulary="tags"),
    Field("status", "status", required=False, help="published (default), withdrawn, superseded or draft."),
    Field("superseded_by", "id", required=False, help="The report that replaces this one."),
    Field("supersedes", "ids", required=False, help="Accounts of the same event merged into this report."),
    Field("withdrawn_reason", "line", required=False, max_length=300),
    Field("deid_reviewed", "lines", required=False, help="Scanner findings a reviewer checked and kept."),
    Field("kanon_reviewed", "line", required=False, max_length=300,
          help="Why a small facet combination is acceptable (acknowledges the k-anonymity check)."),
    Field("source_id", "line", required=False, max_length=200, help="The ID in the source data (imports)."),
    Field("receipt_hash", "receipt", required=False, help="SHA-256 of the reporter's receipt code."),
)
FIELDS_BY_NAME = {field.name: field for field in FIELDS}


def normalize(field: Field, value: object, taxonomy: Taxonomy) -> object:
    """Return the normalized value of a field or raise Invalid with a helpful message."""
    if field.kind in ("one", "many"):
        return _vocabulary_value(field, value, taxonomy)
    return _KINDS[field.kind](field, value)


def _vocabulary_value(field: Field, value: object, taxonomy: Taxonomy) -> object:
    vocabulary = taxonomy[field.vocabulary]
    if field.kind == "one":
        return _slug(vocabulary, value)
    if isinstance(value, (str, int)):
        value = [value]
    if not isinstance(value, list) or (field.required and not value):
        raise Invalid("must be a list of one or more values, e.g. [a, b]")
    slugs = tuple(_slug(vocabulary, item) for item in value)
    if len(set(slugs)) != len(slugs):
        raise Invalid("lists a value twice")
    return slugs


def _slug(vocabulary, value: object) -> str:
    # YAML reads `1` and `2024` as numbers; slugs such as officers_on_scene "1" are strings.
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise Invalid(f"must be one value; {allowed_list(vocabulary.slugs)}")
    slug = str(value)
    if vocabulary.get(slug) is None:
        hint = did_you_mean(slug, vocabulary.slugs)
        raise Invalid(f'unknown value "{slug}"{hint}; {allowed_list(vocabulary.slugs + [UNCLASSIFIED])}')
    return slug


def _id(field: Field, value: object) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise Invalid(f'"{value}" is not a valid report ID (letters, digits and hyphens, e.g. NM-2025-0042)')
    return value


def _ids(field: Field, value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise Invalid("must be a list of report IDs")
    return tuple(_id(field, item) for item in value)


def _line(field: Field, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid("must be non-empty text")
    if "\n" in value.strip():
        raise Invalid("must be a single line")
    if field.max_length and len(value) > field.max_length:
        raise Invalid(f"is {len(value)} characters long; at most {field.max_length}")
    return " ".join(value.split())


def _lines(field: Field, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise Invalid('must be a list of quoted strings, e.g. ["Officer Down"]')
    return tuple(value)


def _date(field: Field, value: object) -> dt.date:
    text = str(value)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise Invalid(f'"{value}" is not a date in the form YYYY-MM-DD')
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid(f'"{value}" is not a real date') from None


def _month(field: Field, value: object) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", str(value)):
        raise Invalid(f'"{value}" gives a day; give only the month (YYYY-MM) so the event cannot be pinpointed')
    match = MONTH_PATTERN.match(str(value))
    if not match or (match.group(2) and not 1 <= int(match.group(2)) <= 12):
        raise Invalid(f'"{value}" is not a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY)')
    return str(value)


def period_start(period: str) -> dt.date:
    """The first day of an event period: '2024-11' -> 2024-11-01, '2024-Q4' -> 2024-10-01, '2024' -> 2024-01-01."""
    year, month, quarter = MONTH_PATTERN.match(period).groups()
    first_month = int(month) if month else (int(quarter) - 1) * 3 + 1 if quarter else 1
    return dt.date(int(year), first_month, 1)


def _status(field: Field, value: object) -> str:
    if value not in STATUSES:
        raise Invalid(f'unknown status "{value}"{did_you_mean(str(value), STATUSES)}; allowed: {", ".join(STATUSES)}')
    return str(value)


def _receipt(field: Field, value: object) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"sha256:[0-9a-f]{64}", value):
        raise Invalid('must be "sha256:" followed by 64 lowercase hex digits')
    return value


_KINDS = {
    "id": _id, "ids": _ids, "line": _line, "lines": _lines, "date": _date, "month": _month,
    "status": _status, "receipt": _receipt,
}

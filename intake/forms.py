"""The submission form: its fields (from the report schema and the taxonomy), parsing and validation.

Nothing here is a second schema: choice fields, their vocabularies and the title's length come from
`generator.schema.FIELDS` and the content's `taxonomy.yml`; the finished draft is checked by `read_report`.
Report text is made inert here, before it is scanned or shown: see `neutralize`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from generator.schema import FIELDS_BY_NAME
from generator.taxonomy import Taxonomy
from generator.untrusted import find_forbidden
from intake import messages

CHOICE_FIELDS = ("event_type", "contributing_factors", "loss_potential", "what_prevented_harm", "time_block",
                 "region", "setting", "agency_size", "officers_on_scene", "reporter_role")
ORDER = ("event_type", "contributing_factors", "loss_potential", "what_prevented_harm", "event_month",
         "time_block", "region", "setting", "agency_size", "officers_on_scene", "reporter_role", "title",
         "what_happened", "lessons_learned")
# Section text limits are the form's own (the schema has none); the title's comes from the schema.
SECTION_LIMITS = {"what_happened": 10_000, "lessons_learned": 5_000}
TEXT_FIELDS = ("title", "what_happened", "lessons_learned")
# token: CSRF; website: the honeypot; action: send or edit; removed: what auto-redaction removed (types only)
CONTROL_FIELDS = ("token", "website", "action", "removed")
HONEYPOT = "website"
CHOICE_KEY = re.compile(r"^choice-(title|what_happened|lessons_learned)-\d{1,6}-\d{1,6}-[0-9a-f]{8}$")
MAX_CHOICES = 400
YEARS_BACK = 40
SELECT_ABOVE = 8  # vocabularies longer than this are a drop-down, shorter ones radio buttons


class BadForm(ValueError):
    """The request is not something our form could have sent (unknown or repeated fields, files)."""


@dataclass(frozen=True)
class Option:
    """One choice of a question: its slug, label and a hint."""

    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class FormField:
    """One question of the form, ready for the template."""

    name: str
    kind: str  # one, many, month, line, text
    label: str
    help: str
    widget: str  # radio, select, checkbox, month, input, textarea
    options: tuple[Option, ...] = ()
    max_length: int = 0


@dataclass(frozen=True)
class CleanForm:
    """A valid submission: normalized facet values and inert text (not yet scanned for identifiers)."""

    facets: dict[str, object]
    event_month: str
    texts: dict[str, str] = field(default_factory=dict)


def form_fields(taxonomy: Taxonomy, today: dt.date) -> tuple[FormField, ...]:
    """The form's questions in order; choices and their labels come from the taxonomy."""
    fields = []
    for name in ORDER:
        if name in CHOICE_FIELDS:
            spec = FIELDS_BY_NAME[name]
            vocabulary = taxonomy[spec.vocabulary]
            options = tuple(Option(term.slug, term.label, term.description) for term in vocabulary.terms)
            widget = "checkbox" if spec.kind == "many" else "select" if len(options) > SELECT_ABOVE else "radio"
            fields.append(FormField(name, spec.kind, messages.LABELS[name], messages.HELP[name], widget, options))
        elif name == "event_month":
            years = tuple(Option(str(year), str(year)) for year in range(today.year, today.year - YEARS_BACK, -1))
            fields.append(FormField(name, "month", messages.LABELS[name], messages.HELP[name], "month", years))
        elif name == "title":
            fields.append(FormField(name, "line", messages.LABELS[name], messages.HELP[name], "input",
                                    max_length=FIELDS_BY_NAME["title"].max_length))
        else:
            fields.append(FormField(name, "text", messages.LABELS[name], messages.HELP[name], "textarea",
                                    max_length=SECTION_LIMITS[name]))
    return tuple(fields)


def read_form(items: list[tuple[str, object]]) -> tuple[dict[str, object], dict[str, str]]:
    """Split posted (name, value) pairs into form values and review choices; raise BadForm for anything else."""
    values: dict[str, object] = {}
    choices: dict[str, str] = {}
    for name, value in items:
        if not isinstance(value, str):
            raise BadForm("file upload")
        if CHOICE_KEY.match(name):
            if name in choices or len(choices) >= MAX_CHOICES or value not in ("keep", "remove"):
                raise BadForm("bad choice")
            choices[name[len("choice-"):]] = value
        elif name in CHOICE_FIELDS and FIELDS_BY_NAME[name].kind == "many":
            values.setdefault(name, [])
            if value in values[name] or len(values[name]) > 100:
                raise BadForm("repeated value")
            values[name].append(value)
        elif name in ORDER or name in CONTROL_FIELDS or name in ("month", "year"):
            if name in values:
                raise BadForm("repeated field")
            values[name] = value
        else:
            raise BadForm("unknown field")
    return values, choices


def validate(values: dict[str, object], taxonomy: Taxonomy, today: dt.date) -> tuple[CleanForm | None, dict]:
    """Check every answer; return the clean form, or None and {field: message} for the page."""
    errors: dict[str, str] = {}
    facets: dict[str, object] = {}
    for name in CHOICE_FIELDS:
        spec = FIELDS_BY_NAME[name]
        allowed = taxonomy[spec.vocabulary].slugs
        raw = values.get(name)
        if spec.kind == "many":
            chosen = raw if isinstance(raw, list) else []
            if not chosen:
                errors[name] = messages.ERROR_REQUIRED_CHOICES
            elif any(value not in allowed for value in chosen):
                errors[name] = messages.ERROR_UNKNOWN_CHOICE
            else:
                facets[name] = [value for value in allowed if value in chosen]  # taxonomy order, stable
        elif not raw:
            errors[name] = messages.ERROR_REQUIRED_CHOICE
        elif raw not in allowed:
            errors[name] = messages.ERROR_UNKNOWN_CHOICE
        else:
            facets[name] = raw
    event_month = _month(values, today, errors)
    texts = {}
    for name in TEXT_FIELDS:
        limit = FIELDS_BY_NAME["title"].max_length if name == "title" else SECTION_LIMITS[name]
        raw = values.get(name)
        text = neutralize(raw if isinstance(raw, str) else "", multiline=name != "title")
        if not text.strip():
            errors[name] = messages.ERROR_REQUIRED_TEXT
        elif len(text) > limit:
            errors[name] = messages.ERROR_TOO_LONG.format(limit=limit, length=len(text))
        elif find_forbidden(text):
            errors[name] = messages.ERROR_UNSAFE_TEXT  # neutralize() should make this unreachable
        texts[name] = text
    if errors:
        return None, errors
    return CleanForm(facets, event_month, texts), {}


def _month(values: dict, today: dt.date, errors: dict) -> str:
    month, year = values.get("month"), values.get("year")
    if not (isinstance(month, str) and re.fullmatch(r"\d{1,2}", month) and 1 <= int(month) <= 12
            and isinstance(year, str) and re.fullmatch(r"\d{4}", year)
            and today.year - YEARS_BACK < int(year) <= today.year):
        errors["event_month"] = messages.ERROR_MONTH
        return ""
    if (int(year), int(month)) > (today.year, today.month):
        errors["event_month"] = messages.ERROR_FUTURE_MONTH
        return ""
    return f"{int(year):04d}-{int(month):02d}"


# -- Making text inert ---------------------------------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n|[\r\u0085\u2028\u2029]")
_TAG_START = re.compile(r"<(?=\s*/?\s*[A-Za-z!?])")
_ENTITY_START = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]{1,31};)")
_URL_LINK = re.compile(r"\]\((?=\s*[A-Za-z][A-Za-z0-9+.-]*:)")
_HEADING = re.compile(r"^( {0,3})(#+)", re.MULTILINE)  # Python-Markdown needs no space after #
_UNDERLINE = re.compile(r"^( {0,3})(=+|-+)([ \t]*)$", re.MULTILINE)
_ADMONITION = re.compile(r"^( *)(!!!|\?\?\?)", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")


def neutralize(text: str, multiline: bool = True) -> str:
    """Make report text plain: it keeps its words, paragraphs and lists, but can carry no markup.

    Each rule defeats one construct that `generator.untrusted.find_forbidden` rejects or that would change the
    report's structure (a `## Heading` starting a new section, a setext underline, an admonition). The text is
    rewritten rather than refused so that a reporter never loses a report over a stray character. Idempotent.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _NEWLINES.sub("\n", text).replace("\t", " ")
    # Control, format (bidi overrides, zero-width joiners that hide a name from the scanner), surrogate and
    # unassigned characters go; newlines stay.
    text = "".join(char for char in text if char == "\n" or unicodedata.category(char)[0] != "C")
    text = _TAG_START.sub("‹", text)
    text = text.replace("{", "(").replace("}", ")")
    text = _ENTITY_START.sub("& ", text)
    text = text.replace("![", "! [")
    text = _URL_LINK.sub("] (", text)
    if not multiline:
        # A trailing backslash would escape the end of the page's `# Title` line and unmake the heading.
        return " ".join(text.split()).rstrip("\\ ")
    text = _HEADING.sub(r"\1\\\2", text)
    text = _UNDERLINE.sub(r"\1\\\2\3", text)
    text = _ADMONITION.sub(r"\1\\\2", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")

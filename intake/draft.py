"""The draft report file: `yaml.safe_dump`ed front matter and a body of fixed sections, checked by the schema.

The draft is written only by this module, only from validated facets and neutralized, redacted text, and it is
read back with `generator.report.read_report` before it may be spooled: a draft the schema refuses is a bug,
never a pull request.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath

import yaml

from generator.errors import Problem
from generator.report import read_report
from generator.schema import FIELDS, FIELDS_BY_NAME
from generator.sections import SECTION_TITLES
from generator.taxonomy import Taxonomy
from intake.forms import CleanForm

SUMMARY_LIMIT = FIELDS_BY_NAME["summary"].max_length
TITLE_LIMIT = FIELDS_BY_NAME["title"].max_length
SECTIONS = (("what_happened", "what-happened"), ("lessons_learned", "lessons-learned"))
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|\n")


class DraftRejected(ValueError):
    """The schema refused a draft; `problems` says why (field names and messages, never the text)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{problem.field}: {problem.message}" for problem in problems))
        self.problems = problems


def fit(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut at a word boundary with an ellipsis when too long."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    # Three dots, not an ellipsis character: NFKC (see intake.forms.neutralize) would turn one into the other.
    cut = text[: limit - 3].rsplit(" ", 1)[0] or text[: limit - 3]
    return cut.rstrip(" ,;:") + "..."


def first_sentence(text: str) -> str:
    """A draft summary: the first sentence of "What happened" (the reviewer rewrites it)."""
    plain = re.sub(r"^[\s\\#>*+-]+", "", text)  # list markers and escaped headings are not a sentence
    sentence = _SENTENCE_END.split(plain, 1)[0] if plain else ""
    return fit(sentence, SUMMARY_LIMIT) or "Summary to be written by the reviewer."


def draft_text(form: CleanForm, texts: dict[str, str], *, report_id: str, day: dt.date, receipt_hash: str) -> str:
    """The complete draft file. `texts` are the final (redacted) title and sections."""
    values = {
        "id": report_id,
        "title": fit(texts["title"], TITLE_LIMIT),
        "summary": first_sentence(texts["what_happened"]),
        # A placeholder that passes the schema: approval replaces it with the publication date.
        "published": day.isoformat(),
        "event_month": form.event_month,
        **form.facets,
        "status": "draft",
        "receipt_hash": receipt_hash,
    }
    front = {spec.name: values[spec.name] for spec in FIELDS if spec.name in values}  # the schema's order
    header = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)
    body = "\n".join(f"## {SECTION_TITLES[slug]}\n\n{texts[name].strip()}\n" for name, slug in SECTIONS)
    return f"---\n{header}---\n\n{body}"


def draft_path(content_dir: str, report_id: str) -> str:
    """The draft's path in the repository; the ID is generated, so this is never the reporter's text."""
    path = PurePosixPath(content_dir, "reports", f"{report_id}.md")
    if ".." in path.parts or path.is_absolute():
        raise ValueError("unsafe path")
    return str(path)


def check_draft(text: str, report_id: str, taxonomy: Taxonomy) -> None:
    """Read the draft back through the schema; raise DraftRejected with every problem."""
    report, problems = read_report(PurePosixPath(f"{report_id}.md"), taxonomy, text=text)
    if report is None or problems:
        raise DraftRejected(problems)
    if report.status != "draft":
        raise DraftRejected([Problem(report_id, 1, "status", "a submission must stay a draft")])

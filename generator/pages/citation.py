"""'Cite this case': plain text, BibTeX and CSL-JSON with the permanent URL and the publication date."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from generator.report import Report
from generator.urls import page_url, public_url, report_src

_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")


@dataclass(frozen=True)
class Citation:
    text: str
    bibtex: str
    csl_json: str


def cite(report: Report, *, site_name: str, site_url: str) -> Citation:
    """The three citation formats for one report."""
    url = public_url(site_url, page_url(report_src(report.id)))
    day = report.published
    text = (f"{site_name}. \u201c{report.title}.\u201d Case {report.id}, published {day.isoformat()}. {url}")
    key = re.sub(r"[^A-Za-z0-9]", "", report.id)
    bibtex = "\n".join([
        f"@misc{{{key},",
        f"  title = {{{_bibtex(report.title)}}},",
        f"  author = {{{{{_bibtex(site_name)}}}}},",
        f"  year = {{{day.year}}},",
        f"  month = {{{day.month}}},",
        f"  note = {{Case {_bibtex(report.id)}, published {day.isoformat()}}},",
        f"  howpublished = {{\\url{{{url}}}}},",
        f"  url = {{{url}}}",
        "}",
    ])
    csl = {
        "id": report.id, "type": "report", "title": report.title, "author": [{"literal": site_name}],
        "publisher": site_name, "number": report.id, "URL": url,
        "issued": {"date-parts": [[day.year, day.month, day.day]]},
    }
    return Citation(text, bibtex, indented_json([csl]))


def indented_json(value: object, level: int = 0) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=1)`, byte for byte (tested), for dicts, lists and scalars.

    With `indent`, the json module falls back to its pure-Python encoder, which took a tenth of page generation;
    here only the scalars are encoded, by the C encoder.
    """
    inner = "\n" + " " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = (f"{_scalar(str(key))}: {indented_json(item, level + 1)}" for key, item in value.items())
        return "{" + inner + ("," + inner).join(items) + "\n" + " " * level + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(indented_json(item, level + 1) for item in value) + "\n" + " " * level + "]"
    return _scalar(value)


_scalar = json.JSONEncoder(ensure_ascii=False).encode


def _bibtex(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)

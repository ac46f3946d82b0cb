"""The service's HTML pages: an autoescaping Jinja environment and one function per page.

Every value from a request reaches a page only through Jinja's autoescape; no template marks anything safe.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import jinja2
from starlette.responses import HTMLResponse

from generator.pages.render import MONTHS, month_name
from generator.schema import FIELDS_BY_NAME
from generator.taxonomy import Taxonomy
from intake import messages
from intake.forms import ORDER, TEXT_FIELDS, CleanForm, FormField, Option, form_fields
from intake.screening import Screening, encode_removed, segments

REGION_GROUPS = messages.REGION_GROUPS


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Templates are ours and trusted; every value in them is escaped."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("intake", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(m=messages, months=list(enumerate(MONTHS, start=1)), segments=segments)
    env.filters["month_name"] = month_name
    return env


class Pages:
    """Renders the pages of one service instance (its taxonomy and public settings)."""

    def __init__(self, taxonomy: Taxonomy, site_url: str = "") -> None:
        self.taxonomy = taxonomy
        self.track_url = site_url.rstrip("/") + "/track/" if site_url else ""
        self.region_groups = _region_groups(taxonomy)
        self._fields: dict[dt.date, tuple[FormField, ...]] = {}

    def fields(self, today: dt.date) -> tuple[FormField, ...]:
        """The form's questions (the year list depends on today's date)."""
        if today not in self._fields:
            self._fields = {today: form_fields(self.taxonomy, today)}
        return self._fields[today]

    def form(self, root: str, *, token: str, today: dt.date, values: dict | None = None,
             errors: dict | None = None, banner: str = "", status: int = 200) -> HTMLResponse:
        """The form, with what the reporter typed and every error next to its field."""
        return self._render("form.html", status, root=root, token=token, fields=self.fields(today),
                            values=values or {}, errors=errors or {}, banner=banner,
                            region_groups=self.region_groups)

    def review(self, root: str, *, token: str, form: CleanForm, screening: Screening, banner: str = "",
               status: int = 200) -> HTMLResponse:
        """The review page: redacted text, highlighted findings with their choices, and the hidden answers."""
        answers = []
        for name in ORDER:
            if name in form.facets:
                value = form.facets[name]
                values = value if isinstance(value, list) else [value]
                vocabulary = self.taxonomy[FIELDS_BY_NAME[name].vocabulary]
                answers.append((messages.LABELS[name], ", ".join(vocabulary.label_of(v) for v in values)))
            elif name == "event_month":
                answers.append((messages.LABELS[name], month_name(form.event_month)))
        return self._render("review.html", status, root=root, token=token, screening=screening, banner=banner,
                            hidden=hidden_fields(form, screening), answers=answers, text_fields=TEXT_FIELDS)

    def done(self, root: str, *, receipt: str, again: bool) -> HTMLResponse:
        """The receipt page: the code, shown this once."""
        return self._render("done.html", 200, root=root, receipt=receipt, again=again, track_url=self.track_url)

    def error(self, root: str, status: int, headers: dict | None = None) -> HTMLResponse:
        """An error page for `status`; it never echoes what was sent."""
        title, text = messages.ERROR_PAGES.get(status, messages.ERROR_PAGES[400])
        return self._render("error.html", status, root=root, title=title, text=text, headers=headers)

    def _render(self, template: str, status: int, headers: dict | None = None, **context) -> HTMLResponse:
        html = environment().get_template(template).render(**context)
        return HTMLResponse(html, status_code=status, headers=headers)


def hidden_fields(form: CleanForm, screening: Screening) -> list[tuple[str, str]]:
    """The answers carried from the review page to the confirm step (the text already auto-redacted)."""
    pairs: list[tuple[str, str]] = []
    for name, value in form.facets.items():
        pairs += [(name, item) for item in (value if isinstance(value, list) else [value])]
    year, month = form.event_month.split("-")
    pairs += [("month", str(int(month))), ("year", year)]
    pairs += [(name, screening.texts[name]) for name in TEXT_FIELDS]
    pairs.append(("removed", encode_removed(screening.removed)))
    return pairs


def _region_groups(taxonomy: Taxonomy) -> list[tuple[str, list[Option]]]:
    # States first (what most people pick), then divisions and regions, then "unspecified".
    vocabulary = taxonomy["region"]
    groups: dict[str, list[Option]] = {label: [] for label in REGION_GROUPS}
    for term in vocabulary.terms:
        depth = len(vocabulary.ancestors(term.slug))
        has_children = any(other.parent == term.slug for other in vocabulary.terms)
        group = REGION_GROUPS[0] if depth >= 2 else REGION_GROUPS[1] if depth or has_children else REGION_GROUPS[2]
        groups[group].append(Option(term.slug, term.label))
    return [(label, options) for label, options in groups.items() if options]

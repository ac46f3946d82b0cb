"""Template rendering for generated pages: autoescaping Jinja, and untrusted text escaped for Markdown."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import jinja2
import yaml
from markupsafe import Markup

from generator.pages import GeneratedPage
from generator.render_html import markdown_html
from generator.untrusted import escape_markdown
from generator.urls import page_url as url_of_page
from generator.urls import relative_url

# Untrusted text can never produce this: "<" is escaped in report text and in every template value.
BLOCK = "<!--nm-block:{}-->"
BLOCK_PATTERN = re.compile(r"<!--nm-block:(\d+)-->")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def long_date(value: dt.date) -> str:
    """'3 February 2025': unambiguous in every locale."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def month_name(value: str) -> str:
    """'2024-11' -> 'November 2024'; coarsened periods stay as they are ('2024-Q4' -> 'Q4 2024', '2024')."""
    year, _, part = value.partition("-")
    if not part:
        return year
    if part.startswith("Q"):
        return f"{part} {year}"
    return f"{MONTHS[int(part) - 1]} {year}"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja environment for generated pages; our templates are trusted, the values never are."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = lambda text: Markup(escape_markdown(str(text)))
    env.filters["markdown"] = markdown_html
    env.filters["long_date"] = long_date
    env.filters["month_name"] = month_name
    env.filters["block"] = _block
    return env


@jinja2.pass_context
def _block(context, html: str) -> Markup:
    """`{% filter block %}<div>...</div>{% endfilter %}`: a raw HTML block set aside when the page is rendered
    with `render_page`, as a placeholder (its surrounding newlines stay, so Markdown still sees a block)."""
    blocks = context.get("_blocks")
    if blocks is None:
        return Markup(html)
    core = str(html).strip("\n")
    start = str(html).index(core) if core else 0
    blocks.append(core)
    return Markup(str(html)[:start] + BLOCK.format(len(blocks) - 1) + str(html)[start + len(core):])


def render(template: str, page_url: str, **context: object) -> str:
    """Render a template for the page at `page_url`; `url(to)` in the template gives a relative link."""
    return environment().get_template(template).render(
        url=lambda to: relative_url(page_url, to), page_url=page_url, **context
    )


def render_page(src_uri: str, front: dict, template: str, **context: object) -> GeneratedPage:
    """A generated Markdown page at `src_uri`, its raw HTML blocks set aside (see `GeneratedPage`)."""
    blocks: list[str] = []
    body = render(template, url_of_page(src_uri), _blocks=blocks, **context)
    return GeneratedPage(src_uri, body, front, tuple(blocks))


def fill_blocks(text: str, blocks: tuple[str, ...] | list[str]) -> str:
    """Put raw HTML blocks back in place of their placeholders (in Markdown or in rendered HTML)."""
    if not blocks:
        return text
    return BLOCK_PATTERN.sub(lambda match: blocks[int(match.group(1))], text)


def render_html(template: str, **context: object) -> str:
    """Render a standalone HTML document (packets, analyses): no relative links to the site."""
    return environment().get_template(template).render(**context)


def markdown_page(front: dict, body: str) -> str:
    """A Markdown document with YAML front matter written by `yaml.safe_dump` (never by string formatting)."""
    header = yaml.safe_dump(front, sort_keys=True, allow_unicode=True, default_flow_style=False, width=1000)
    return f"---\n{header}---\n\n{body}"

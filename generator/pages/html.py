"""Generated pages rendered from Markdown to HTML here, with the site's Markdown extensions, as MkDocs would.

MkDocs makes a new Python-Markdown instance (every extension set up again) for each page and renders pages one
after the other. Generated pages are rendered here instead, with one reused instance per process (`reset()`
between pages, the documented way to convert several documents), in the same worker processes that render
their templates (generator.pages.batch). The plugin hands the HTML and the table of contents to MkDocs.

Only pages that need nothing from MkDocs' own Markdown processing qualify: generated pages have no Markdown
links to other pages (report text is escaped), which is all MkDocs adds (link rewriting and checking).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import markdown


@dataclass(frozen=True)
class MarkdownSettings:
    """The site's Markdown extensions and their settings, as the MkDocs configuration gives them."""

    extensions: tuple[str, ...]
    configs: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Rendered:
    """A page's HTML (block placeholders still in it) and its table of contents as Python-Markdown gives it."""

    html: str
    toc: list = field(default_factory=list)


_instances: dict[MarkdownSettings, markdown.Markdown] = {}


def to_html(text: str, settings: MarkdownSettings) -> Rendered:
    """Render one page's Markdown body."""
    converter = _instances.get(settings)
    if converter is None:
        converter = markdown.Markdown(extensions=list(settings.extensions), extension_configs=settings.configs)
        _instances[settings] = converter
    converter.reset()
    html = converter.convert(text)
    return Rendered(html, list(getattr(converter, "toc_tokens", [])))


def anchor_ids(toc: list) -> set[str]:
    """Every heading ID in a table of contents (MkDocs checks links to anchors against them)."""
    ids = set()
    for token in toc:
        ids.add(token["id"])
        ids |= anchor_ids(token.get("children", []))
    return ids

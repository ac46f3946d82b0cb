"""What the hooks hand to MkDocs: pages whose HTML nearmiss already rendered, and helpers for the theme."""

from __future__ import annotations

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from generator.pages.html import MarkdownSettings, anchor_ids


class RenderedPage(Page):
    """A generated page whose HTML generator.pages.html already rendered (with the site's extensions): MkDocs
    reads its source and runs every plugin event as usual, but does not convert its Markdown a second time."""

    def __init__(self, file: File, config, rendered) -> None:
        super().__init__(None, file, config)
        self._rendered = rendered

    def render(self, config, files) -> None:
        self.content = self._rendered.html
        self.toc = get_toc(self._rendered.toc)
        self.present_anchor_ids = anchor_ids(self._rendered.toc)
        self.links_to_anchors = {}
        self._rendered = None  # the HTML now lives in self.content


def markdown_settings(config) -> MarkdownSettings | None:
    """The site's Markdown extensions, for rendering generated pages in worker processes; None (MkDocs renders
    them) when an extension is given as an object rather than by name."""
    extensions = config.markdown_extensions
    if not all(isinstance(extension, str) for extension in extensions):
        return None
    return MarkdownSettings(tuple(extensions), dict(config.mdx_configs or {}))


def memo_function(store: dict):
    """A template function: `{% call nearmiss_memo(key) %}...{% endcall %}` renders its body once per key."""
    def memo(key, caller):
        if key not in store:
            store[key] = caller()
        return store[key]
    return memo


def nav_key_function(urls: list[str]):
    """What the navigation of a page outside the nav depends on: its relative links to every nav entry."""
    def key(page) -> tuple[str, ...]:
        return tuple(get_relative_url(url, page.url) for url in urls)
    return key


def nav_items(items):
    for item in items:
        yield item
        yield from nav_items(getattr(item, "children", None) or [])

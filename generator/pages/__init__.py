"""Pages generated from the corpus: report pages, listings and the search page.

Pure functions from a corpus to Markdown strings. The MkDocs plugin hands them to mkdocs-material; nothing here
imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GeneratedPage:
    """A file the site needs that is not on disk: its path in the docs tree and its content.

    Most pages are one `body` string: the whole file. The pages there are thousands of (reports, listings) are
    kept in parts, so that MkDocs does less work: `front` is their front matter (the plugin sets it as the page's
    metadata, no YAML written or parsed) and `blocks` their raw HTML blocks, which the body holds as
    `<!--nm-block:N-->` placeholders (Python-Markdown's HTML parser would otherwise take most of the build's time;
    the plugin puts them back into the rendered HTML), and `rendered` their body already rendered to HTML when
    the site's Markdown settings were given (generator.pages.html). `content` is always the complete Markdown file.
    """

    src_uri: str
    body: str
    front: dict | None = None
    blocks: tuple[str, ...] = field(default=(), repr=False)
    rendered: object | None = field(default=None, repr=False, compare=False)  # generator.pages.html.Rendered

    @property
    def content(self) -> str:
        """The page as one Markdown file: front matter, then the body with its HTML blocks in place."""
        if self.front is None and not self.blocks:
            return self.body
        from generator.pages.render import fill_blocks, markdown_page

        body = fill_blocks(self.body, self.blocks)
        return body if self.front is None else markdown_page(self.front, body)


@dataclass(frozen=True)
class SiteOptions:
    """Settings that change what is generated (from the plugin config or the CLI). With `markdown` (a
    generator.pages.html.MarkdownSettings), generated pages are also rendered to HTML."""

    site_name: str = "Near Miss Case Library"
    site_url: str = ""
    intake_url: str = ""
    per_page: int = 50
    latest: int = 8
    preview: bool = False
    k: int = 3
    markdown: object | None = None

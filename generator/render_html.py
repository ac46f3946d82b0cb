"""Report Markdown to HTML outside MkDocs (packets and analyses saved as single files)."""

from __future__ import annotations

import markdown
from markupsafe import Markup

from generator.untrusted import escape_markdown


def markdown_html(text: str) -> Markup:
    """Render untrusted report Markdown: paragraphs, lists and emphasis, never markup or links."""
    return Markup(markdown.markdown(escape_markdown(text), extensions=["sane_lists"], output_format="html"))

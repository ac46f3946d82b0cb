"""Report text is untrusted: find markup that must not be there, and escape text so it renders as text.

`nearmiss check` rejects raw HTML, template syntax and images in reports (a reviewer sees the error in the pull
request). Rendering escapes anyway, so that a report that slipped past the check still cannot inject markup.
"""

from __future__ import annotations

import re

# Each pattern names what it found; the check reports the first match per field.
FORBIDDEN = (
    (re.compile(r"<\s*/?\s*[A-Za-z!?]"), "raw HTML"),
    (re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}"), "template syntax"),
    (re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});"), "an HTML entity"),
    (re.compile(r"!\["), "a Markdown image"),
    (re.compile(r"\]\(\s*[A-Za-z][A-Za-z0-9+.-]*:"), "a Markdown link to a URL"),
    (re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]"), "a control or bidi character"),
)

# Characters that would let Markdown text turn into HTML, links, images or attributes (attr_list).
_MARKDOWN_ESCAPES = str.maketrans({
    "&": "&amp;", "<": "&lt;", "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "\\": "&#92;",
})
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def find_forbidden(text: str) -> tuple[int, str, str] | None:
    """The first forbidden construct in text as (offset, description, snippet), or None."""
    found = None
    for pattern, description in FORBIDDEN:
        match = pattern.search(text)
        if match and (found is None or match.start() < found[0]):
            found = (match.start(), description, text[match.start():match.start() + 24])
    return found


def escape_markdown(text: str) -> str:
    """Escape untrusted Markdown so that it keeps paragraphs, lists and emphasis but cannot carry markup."""
    return _strip_controls(text).translate(_MARKDOWN_ESCAPES)


def escape_html(text: object) -> str:
    """Escape a value for HTML text or a double- or single-quoted attribute."""
    return _strip_controls(str(text)).translate(_HTML_ESCAPES)


def _strip_controls(text: str) -> str:
    return FORBIDDEN[-1][0].sub("", text)

"""Imported text made safe to publish as report text: redacted, plain (no markup), with a title and summary."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from generator.analysis.text import sentences, shorten
from generator.schema import FIELDS_BY_NAME
from generator.untrusted import FORBIDDEN, find_forbidden

TITLE_LENGTH = FIELDS_BY_NAME["title"].max_length
SUMMARY_LENGTH = FIELDS_BY_NAME["summary"].max_length
_CONTROLS = FORBIDDEN[-1][0]
# Exports often carry a little HTML formatting. Line and paragraph breaks keep their meaning; inline formatting
# tags are dropped; any other tag stays visible but harmless (see `neutralise`).
_BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_PARAGRAPH = re.compile(r"<\s*/?\s*(?:p|div)\s*/?\s*>", re.IGNORECASE)
_INLINE = re.compile(r"<\s*/?\s*(?:b|i|u|em|strong|span|font)\s*/?\s*>", re.IGNORECASE)


def load_redactor() -> Callable[[str], str] | None:
    """The identifier scanner's auto-tier redaction, or None where it is not installed."""
    try:
        from generator.deid import redact
    except ImportError:
        return None
    return redact


def clean_body(text: str) -> str:
    """Report body text: entities decoded, controls removed, headings escaped, markup neutralised."""
    text = _plain(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROLS.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    # A line starting with '#' would become a heading, or (## ...) a report section.
    lines = ["\\" + line if line.lstrip().startswith("#") else line for line in lines]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return neutralise(text)


def clean_line(text: str) -> str:
    """A one-line field (title, summary): like the body, on one line."""
    return neutralise(" ".join(_CONTROLS.sub("", _plain(text)).split()))


def _plain(text: str) -> str:
    text = html.unescape(text)
    text = _PARAGRAPH.sub("\n\n", _BREAK.sub("\n", text))
    return _INLINE.sub("", text)


def neutralise(text: str) -> str:
    """Break every construct `nearmiss check` rejects in report text (HTML, template syntax, entities, images,
    links) while keeping the words: '<b>' becomes '‹b>', '{{' becomes '{ {'."""
    while (found := find_forbidden(text)) is not None:
        offset, what, _ = found
        if what == "raw HTML":
            text = text[:offset] + "\u2039" + text[offset + 1:]
        else:
            text = text[:offset + 1] + " " + text[offset + 1:]
    return text


def derive_title(text: str) -> str:
    """The first sentence of the text, shortened to a title."""
    return shorten(_opening(text, 30), TITLE_LENGTH)


def derive_summary(text: str) -> str:
    """The opening sentences of the text, shortened to a summary."""
    return shorten(_opening(text, 80), SUMMARY_LENGTH)


def _opening(text: str, at_least: int) -> str:
    chosen = ""
    for sentence in sentences(text.replace("\\#", "#")):
        chosen = f"{chosen} {sentence}".strip()
        if len(chosen) >= at_least:
            break
    return chosen or " ".join(text.split())

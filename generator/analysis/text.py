"""The text and facets the analysis reads from a report, and the words it ignores.

Kept free of scikit-learn so that the importer and the CLI can use it without paying for the import.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property

from generator.taxonomy import UNCLASSIFIED

# The parts of a report that describe the event; discussion questions and follow-up are editorial.
ANALYSED_SECTIONS = ("what-happened", "lessons-learned")
# Facets that can make two reports related (the reason line names them).
RELATED_FACETS = ("event_type", "contributing_factors")
# Written by `nearmiss import` when the source has no such text; it says nothing about the event.
NOT_RECORDED = "Not recorded in the source data."
REDACTION_MARKER = re.compile(r"\[REDACTED-[A-Z-]+\]")
# A token has at least one letter: numbers, times and counts are noise for similarity. (Written as two
# alternatives rather than \b\w*[^\W\d_]\w*\b, which backtracks and is twice as slow.)
TOKEN_PATTERN = r"[^\W\d_]\w*|\d+[^\W\d_]\w*"
# Words of the report template and of the importer, on top of scikit-learn's English list. Domain words such as
# "officer" or "call" stay: inverse document frequency already discounts them where they are common.
BOILERPLATE_WORDS = frozenset("""
    happened lesson lessons learned learn discussion question questions follow report reports reported reporting
    narrative near miss misses redacted unclassified recorded
""".split())
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")
_MARKDOWN_NOISE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)


@dataclass(frozen=True)
class Document:
    """What the analysis knows about one public report. The cleaned texts are computed on first use: an
    incremental run only needs the fingerprints of unchanged reports, not their text."""

    id: str
    title: str
    summary: str
    sections: tuple[str, ...]  # the event sections (what happened, lessons learned), as written
    facets: tuple[str, ...]    # "vocabulary:slug", never unclassified

    @cached_property
    def body(self) -> str:
        """The event sections as plain text: where excerpts come from."""
        return analysed_text(self.sections)

    @cached_property
    def text(self) -> str:
        """Title, summary and event sections as plain text: what is vectorised."""
        return analysed_text([self.title, self.summary, self.body])

    @cached_property
    def fingerprint(self) -> str:
        """A hash of everything that changes the analysis of this report (its texts and facets)."""
        digest = hashlib.sha256()
        for part in (self.id, self.title, self.summary, *self.sections, "\x1f".join(self.facets)):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x1e")
        return digest.hexdigest()[:32]


def analysed_text(parts) -> str:
    """Texts as one plain text, without redaction markers, placeholders or list markers."""
    text = "\n\n".join(part for part in parts if part.strip() and part.strip() != NOT_RECORDED)
    if "[REDACTED-" in text:
        text = REDACTION_MARKER.sub(" ", text)
    return _MARKDOWN_NOISE.sub("", text)


def report_document(report) -> Document:
    """The analysis view of a `Report`."""
    sections = tuple(report.section_text(slug) for slug in ANALYSED_SECTIONS)
    return Document(report.id, report.title, report.summary, sections, facet_keys(report))


def corpus_documents(corpus) -> list[Document]:
    """Documents for the public reports, in ID order (the order that breaks ties everywhere)."""
    return [report_document(report) for report in sorted(corpus.public, key=lambda report: report.id)]


def facet_keys(report) -> tuple[str, ...]:
    """The report's related-facet values as "vocabulary:slug", in field order, unclassified left out."""
    keys = []
    for field in RELATED_FACETS:
        value = getattr(report, field)
        for slug in (value,) if isinstance(value, str) else value:
            if slug != UNCLASSIFIED:
                keys.append(f"{field}:{slug}")
    return tuple(keys)


def sentences(text: str) -> list[str]:
    """Split text into sentences (good enough for choosing an excerpt)."""
    found = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)])\s)", text):
        found += [" ".join(part.split()) for part in _SENTENCE_END.split(paragraph) if part.strip()]
    return found


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "\u2026"

"""Facts about a text that several detectors need: its letter case style and where sentences start."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MIXED = "mixed"
UPPER = "upper"
LOWER = "lower"

# Redaction markers must never be reported again, so every detector's output is checked against them.
MARKER_RE = re.compile(r"\[REDACTED-[A-Z]+\]")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[A-Za-z]|[A-Za-z]")


def case_style(text: str) -> str:
    """Classify a text as "upper" (ASRS-style shouting), "lower" (no capitals) or "mixed".

    Capitalisation is the strongest name cue in mixed text; in the other two styles it carries no information,
    so detectors fall back to lexicon and keyword evidence.
    """
    letters = [c for c in MARKER_RE.sub("", text) if c.isalpha()]
    if not letters:
        return MIXED
    upper = sum(1 for c in letters if c.isupper())
    share = upper / len(letters)
    if share > 0.75:
        return UPPER
    if share < 0.01:
        return LOWER
    return MIXED


@dataclass
class TextInfo:
    """A text plus derived facts, computed once per scan and shared by all detectors."""

    text: str
    style: str = ""
    markers: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.style = case_style(self.text)
        self.markers = [m.span() for m in MARKER_RE.finditer(self.text)]

    @property
    def mixed(self) -> bool:
        """True when capitalisation can be trusted as a cue."""
        return self.style == MIXED

    def sentence_start(self, pos: int) -> bool:
        """True when *pos* begins a sentence, heading, list item or line (so its capital letter means nothing)."""
        i = pos - 1
        while i >= 0 and self.text[i] in " \t\"'([*#>-\u201c":
            i -= 1
        return i < 0 or self.text[i] in ".!?:;\n"

    def capitalized(self, word: str) -> bool:
        """True when *word* looks like a proper noun in this text's style ("Carter", "McNeil", "O'Brien")."""
        if not word[:1].isupper():
            return False
        if self.style == UPPER:
            return True
        return not word.isupper() or len(word) <= 2

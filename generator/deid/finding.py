"""The Finding record that every detector produces, and the redaction marker format."""

from __future__ import annotations

from dataclasses import asdict, dataclass

TYPES = (
    "PERSON", "BADGE", "AGENCY", "ADDRESS", "PLACE", "PLATE", "VIN", "DL", "PHONE", "EMAIL",
    "SSN", "URL", "HANDLE", "CASE", "DATE", "TIME", "AGE",
)
AUTO = "auto"
REVIEW = "review"


@dataclass(frozen=True)
class Finding:
    """One identifier found in a text: ``text == source[start:end]`` (Python string offsets)."""

    type: str
    start: int
    end: int
    text: str
    confidence: float
    reason: str
    tier: str

    def to_dict(self) -> dict:
        """Return the finding as a plain dict with keys type, start, end, text, confidence, reason, tier."""
        return asdict(self)


def marker(type: str) -> str:  # noqa: A002 - the public API names this parameter `type`
    """Return the redaction marker for an identifier type, e.g. ``"[REDACTED-PERSON]"``."""
    return f"[REDACTED-{type.upper()}]"


def make(source: str, type_: str, start: int, end: int, confidence: float, reason: str,
         tier: str | None = None) -> Finding:
    """Build a Finding from a span of *source*, trimming surrounding spaces and punctuation.

    The tier defaults from the confidence so detectors only state how sure they are; a detector passes an
    explicit tier when the evidence kind (not the number) decides it.
    """
    while start < end and not source[start].isalnum() and source[start] not in "(+#@[":
        start += 1
    while end > start and not source[end - 1].isalnum():
        # A closing parenthesis belongs to the span only when the span opened it, e.g. "(937) 555-0123".
        if source[end - 1] == ")" and "(" in source[start:end - 1]:
            break
        end -= 1
    if tier is None:
        tier = AUTO if confidence >= 0.9 else REVIEW
    return Finding(type_, start, end, source[start:end], round(confidence, 3), reason, tier)

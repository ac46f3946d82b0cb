"""Identifier screening of report text: automatic redaction, then the findings the reporter decides on.

Auto-tier findings are replaced with markers before the text is ever shown back or stored. Review-tier findings
are highlighted on the review page; each becomes a remove/keep choice, and a missing choice means remove.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from generator.deid import Finding, redact, scan

_REMOVED = re.compile(r"^(title|what_happened|lessons_learned):([A-Z]{1,12}):(\d{1,5})$")
MAX_PASSES = 4  # a marker never matches, so a second pass rarely finds anything; four is a hard stop


@dataclass(frozen=True)
class Flag:
    """A review-tier finding shown to the reporter, with the name of its remove/keep choice."""

    key: str
    field: str
    number: int
    finding: Finding


@dataclass(frozen=True)
class Screening:
    """Auto-redacted texts, what was removed automatically (types only), and the reporter's decisions to make."""

    texts: dict[str, str]
    removed: dict[str, Counter]
    flags: tuple[Flag, ...]

    def flags_for(self, field: str) -> list[Flag]:
        """The flags of one field, in order."""
        return [flag for flag in self.flags if flag.field == field]

    @property
    def removed_total(self) -> int:
        """How many identifiers were removed automatically."""
        return sum(sum(counter.values()) for counter in self.removed.values())


@dataclass(frozen=True)
class Decision:
    """What happened to one finding: the reporter kept it, or it was removed."""

    flag: Flag
    kept: bool


def auto_redact(text: str, clean: Callable[[str], str] = str) -> tuple[str, Counter, list[Finding]]:
    """Redact auto-tier findings until a scan finds none; return the text, removed types and the last scan.

    `clean` (idempotent) runs after every redaction: a marker next to the reporter's text can form something
    `neutralize` rewrites (`!` + `[REDACTED-...]`), and the text must be a fixed point of both, so that the
    confirm step, which screens the reviewed text again, finds exactly the same findings at the same offsets.
    """
    removed: Counter = Counter()
    text = clean(text)
    findings = scan(text)
    for _ in range(MAX_PASSES):
        automatic = [finding for finding in findings if finding.tier == "auto"]
        if not automatic:
            break
        removed.update(finding.type for finding in automatic)
        text = clean(redact(text, findings, tiers=("auto",)))
        findings = scan(text)
    else:
        # Still finding auto-tier identifiers after the last pass: redact them without asking again.
        removed.update(finding.type for finding in findings if finding.tier == "auto")
        text = clean(redact(text, findings, tiers=("auto",)))
        findings = [finding for finding in scan(text) if finding.tier != "auto"]
    return text, removed, findings


def screen(texts: dict[str, str], clean: Callable[[str, str], str] = lambda field, text: text) -> Screening:
    """Screen each text field (`clean(field, text)` as in auto_redact); flags are numbered in page order."""
    redacted, removed, flags = {}, {}, []
    for field, text in texts.items():
        redacted[field], removed[field], findings = auto_redact(text, functools.partial(clean, field))
        for finding in findings:
            if finding.tier == "review":
                digest = hashlib.sha256(finding.text.encode("utf-8")).hexdigest()[:8]
                key = f"{field}-{finding.start}-{finding.end}-{digest}"
                flags.append(Flag(key, field, len(flags) + 1, finding))
    return Screening(redacted, removed, tuple(flags))


def apply_choices(screening: Screening, choices: dict[str, str]) -> tuple[dict[str, str], list[Decision]]:
    """The final texts after the reporter's choices (remove unless they chose keep) and the decisions made.

    Removing a finding removes every mention of the same words, in every field: "remove Miller" means the
    name, and the scanner does not flag every later mention of a name it only suspects.
    """
    decisions = [Decision(flag, choices.get(flag.key) == "keep") for flag in screening.flags]
    removed = {d.flag.finding.text.casefold(): d.flag.finding.type for d in decisions if not d.kept}
    final = {}
    for field, text in screening.texts.items():
        remove = [d.flag.finding for d in decisions if d.flag.field == field and not d.kept]
        remove += mentions(text, removed)
        final[field] = redact(text, remove, tiers=("review",)) if remove else text
    return final, decisions


def mentions(text: str, words: dict[str, str]) -> list[Finding]:
    """Every whole-word, case-insensitive occurrence in `text` of the given words (word -> finding type)."""
    found = []
    for word, kind in words.items():
        if not word.strip():
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
            found.append(Finding(kind, match.start(), match.end(), match.group(0), 1.0, "same words", "review"))
    return found


def encode_removed(removed: dict[str, Counter]) -> str:
    """What auto-redaction removed, as "field:TYPE:count" words: carried (signed) from review to confirm,
    because the confirm step only ever sees the text after redaction."""
    return " ".join(f"{field}:{kind}:{count}" for field, counter in removed.items()
                    for kind, count in sorted(counter.items()))


def decode_removed(text: str) -> dict[str, Counter]:
    """The inverse of encode_removed; malformed words are ignored (the value is signed anyway)."""
    removed: dict[str, Counter] = {}
    for word in text.split()[:200]:
        match = _REMOVED.match(word)
        if match:
            removed.setdefault(match.group(1), Counter())[match.group(2)] += int(match.group(3))
    return removed


def warm_up() -> None:
    """Load the scanner now (its lexicons load on first use); a scanner that cannot load stops the service."""
    scan("Sgt. Miller called 937-555-0123 on 3/10/2024.")


def segments(text: str, flags: list[Flag]) -> list[tuple[str, Flag | None]]:
    """The text cut into plain pieces and flagged pieces, for highlighting (the template escapes each)."""
    pieces: list[tuple[str, Flag | None]] = []
    cursor = 0
    for flag in sorted(flags, key=lambda flag: flag.finding.start):
        if flag.finding.start < cursor:
            continue
        pieces.append((text[cursor:flag.finding.start], None))
        pieces.append((text[flag.finding.start:flag.finding.end], flag))
        cursor = flag.finding.end
    pieces.append((text[cursor:], None))
    return [piece for piece in pieces if piece[0]]

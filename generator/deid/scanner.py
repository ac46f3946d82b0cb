"""The scan pipeline: run every detector, filter generic phrases and markers, add re-mentions, resolve overlaps."""

from __future__ import annotations

from functools import lru_cache

from . import (
    addresses,
    agencies,
    agency_names,
    ages,
    appositions,
    contact,
    echoes,
    identifiers,
    mentions,
    people,
    places,
    temporal,
    towns,
)
from .finding import Finding
from .generic import generic_spans
from .lexicon import lexicon
from .resolve import SHAPE_TYPES, drop_overlapping, merge_people, resolve
from .streets import CHAIN_RE
from .text import TextInfo

DETECTORS = (contact.detect, identifiers.detect, temporal.detect, ages.detect, agencies.detect, agency_names.detect,
             addresses.detect, places.detect, people.detect, appositions.detect, mentions.detect)


def scan_text(text: str) -> list[Finding]:
    """Return the resolved findings for *text* (see :func:`generator.deid.scan`)."""
    if not text:
        return []
    info = TextInfo(text)
    candidates = [finding for detect in DETECTORS for finding in detect(info)]
    if not candidates:
        return []  # every later step only filters, extends or re-mentions candidates (most short texts stop here)
    # A redaction marker is never an identifier, whatever surrounds it.
    candidates = drop_overlapping(candidates, info.markers)
    generic = generic_spans(text, info)
    # "the Circle K on Route 4": a brand inside a longer address is still the address of that store.
    located = [f for f in candidates if f.type == "ADDRESS" and _only_chains(text, f, generic)]
    candidates = drop_overlapping([f for f in candidates if f.type != "ADDRESS"], generic, SHAPE_TYPES) + located
    candidates = merge_people(candidates)
    persons = [f for f in resolve(candidates) if f.type == "PERSON"]
    extra = drop_overlapping(mentions.rementions(info, persons), info.markers + generic)
    # A re-mention inside a PERSON candidate at least as confident changes no merged name: only the others count.
    extra = [f for f in extra if not _inside_person(f, candidates)]
    if extra:
        candidates = merge_people(candidates + extra)
        persons = [f for f in resolve(candidates) if f.type == "PERSON"]
    candidates += drop_overlapping(ages.after_people(info, persons), info.markers)
    candidates += drop_overlapping(identifiers.badges_after_people(info, persons), info.markers)
    badges = [f for f in candidates if f.type == "BADGE"]
    if badges:
        candidates += drop_overlapping(identifiers.badge_rementions(info, badges), info.markers + generic)
    found = resolve(candidates)
    # A place or street found once is found wherever its name recurs; echoes never overlap a finding.
    extra = drop_overlapping(echoes.detect(info, found), info.markers + generic)
    return sorted(found + extra, key=lambda f: (f.start, f.end)) if extra else found


def _inside_person(finding: Finding, candidates: list[Finding]) -> bool:
    """True when a PERSON candidate covers *finding* with at least its confidence."""
    return any(c.type == "PERSON" and c.start <= finding.start and finding.end <= c.end and
               c.confidence >= finding.confidence for c in candidates)


def _only_chains(text: str, finding: Finding, spans: list[tuple[int, int]]) -> bool:
    """True when every generic phrase that *finding* overlaps is a store chain inside it (not a car or brand)."""
    for start, end in spans:
        if start < finding.end and finding.start < end and not (
                finding.start <= start and end <= finding.end and CHAIN_RE.fullmatch(text[start:end])):
            return False
    return True


@lru_cache(maxsize=1)
def warm_up() -> bool:
    """Load the lexicons now (they otherwise load on the first scan); returns True."""
    lex = lexicon()
    for threshold in (2000, 10_000):  # the given-name sets of mixed-case and of capital/lowercase text
        lex.frequent_given(threshold)
    towns.warm_up()
    scan_text("Ofc. J. Carter met Jaden Whitlock (16) at 1200 blk of Wayne Ave on 3/10/15 at 2300hrs.")
    return True

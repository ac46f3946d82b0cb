"""Turning raw detector candidates into the final findings: filters, then one finding per stretch of text."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate

from .finding import Finding

# Types whose shape is validated on its own; a nearby brand or citation never cancels them.
SHAPE_TYPES = frozenset({"EMAIL", "URL", "HANDLE", "SSN", "VIN"})


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


class _Intervals:
    """Non-overlapping intervals kept sorted, with a logarithmic overlap test (findings per text can be many)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            self.starts.append(start)
            self.ends.append(end)
        # Input spans may overlap each other (generic phrases): keep a running maximum of ends for the test.
        self.max_end = list(accumulate(self.ends, max))

    def hits(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps any interval held."""
        i = bisect_left(self.starts, end)  # intervals starting before our end
        return i > 0 and self.max_end[i - 1] > start

    def add(self, start: int, end: int) -> None:
        """Insert an interval that overlaps none already held (so ends stay sorted with starts)."""
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.max_end.insert(i, end)


def drop_overlapping(candidates: Iterable[Finding], spans: list[tuple[int, int]],
                     keep_types: frozenset[str] = frozenset()) -> list[Finding]:
    """Remove candidates that overlap any of *spans*, except those of *keep_types*."""
    if not spans:
        return list(candidates)
    index = _Intervals(spans)
    return [f for f in candidates if f.type in keep_types or not index.hits(f.start, f.end)]


def merge_people(candidates: list[Finding]) -> list[Finding]:
    """Join overlapping PERSON candidates into one span with the best confidence and reason.

    "Gavin" (after "name was") and "Gavin Petty" (given + surname) describe the same person; keeping only the
    more confident short one would leave half the name in the text.
    """
    people = sorted((f for f in candidates if f.type == "PERSON"), key=lambda f: (f.start, -f.end))
    others = [f for f in candidates if f.type != "PERSON"]
    merged: list[Finding] = []
    for finding in people:
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            best = last if last.confidence >= finding.confidence else finding
            end = max(last.end, finding.end)
            source_text = last.text + finding.text[last.end - finding.start:] if end > last.end else last.text
            merged[-1] = Finding("PERSON", last.start, end, source_text, best.confidence, best.reason, best.tier)
        else:
            merged.append(finding)
    return others + merged


def resolve(candidates: Iterable[Finding]) -> list[Finding]:
    """Pick non-overlapping findings: most confident first, then longest; return them sorted by position.

    Ties on confidence go to the longer span so "Montgomery County Sheriff's Office" (AGENCY) wins over the
    "Montgomery County" (PLACE) inside it.
    """
    candidates = [f for f in candidates if f.end > f.start]
    # A confident longer finding that contains a shorter one is the better reading of that text:
    # "Wilmington and Stroop" (intersection) over "Wilmington" (city) inside it.
    by_start = sorted(candidates, key=lambda f: f.start)
    starts = [f.start for f in by_start]
    contained = set()
    for outer in candidates:
        if outer.confidence < 0.85:
            continue
        low = bisect_left(starts, outer.start)
        high = bisect_left(starts, outer.end, low)
        if high - low < 2:
            continue  # only the outer finding itself starts inside it (the usual case)
        for inner in by_start[low:high]:
            shorter = inner.end - inner.start < outer.end - outer.start
            if inner is not outer and inner.end <= outer.end and shorter and \
                    inner.confidence - outer.confidence <= 0.15:
                contained.add(id(inner))
    ordered = sorted((f for f in candidates if id(f) not in contained),
                     key=lambda f: (-f.confidence, -(f.end - f.start), f.start))
    chosen: list[Finding] = []
    taken = _Intervals()
    for finding in ordered:
        if taken.hits(finding.start, finding.end):
            continue
        taken.add(finding.start, finding.end)
        chosen.append(finding)
    return sorted(chosen, key=lambda f: (f.start, f.end))

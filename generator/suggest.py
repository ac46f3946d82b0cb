"""'Did you mean ...?' hints for values that are close to an allowed one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

MAX_LISTED = 12


def did_you_mean(value: str, allowed: Iterable[str]) -> str:
    """Return ' (did you mean "x"?)' for the closest allowed value, or '' when nothing is close."""
    allowed = list(allowed)
    lowered = {item.lower(): item for item in allowed}
    if value.lower() in lowered:
        return f' (did you mean "{lowered[value.lower()]}"?)'
    matches = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return f' (did you mean "{lowered[matches[0]]}"?)' if matches else ""


def allowed_list(allowed: Iterable[str]) -> str:
    """A short, readable list of allowed values for an error message."""
    allowed = list(allowed)
    shown = ", ".join(allowed[:MAX_LISTED])
    more = len(allowed) - MAX_LISTED
    return f"allowed: {shown}" + (f", ... ({more} more)" if more > 0 else "")

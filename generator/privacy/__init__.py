"""The publication gate: nothing identifying reaches the site without a reviewer having looked at it.

Two checks, both run by `nearmiss check` and before every build: identifiers the scanner finds in published
text (`findings.py`), and facet combinations shared by fewer than k published reports (`kanon.py`).
"""

DEFAULT_K = 3

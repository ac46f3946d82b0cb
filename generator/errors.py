"""The one error type the generator raises, and the problems it carries.

Every failure a user can cause (a bad report, a broken taxonomy, a bad option) becomes a `Problem` that names the
file, the line and the field, so that `nearmiss check` can print them all at once and the MkDocs plugin can re-raise
them as a single build error.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, located as precisely as we can."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class NearmissError(Exception):
    """Raised for any user-facing failure; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

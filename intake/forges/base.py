"""What every forge adapter does, the errors it raises, and the neutral identity of its commits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from intake.ids import branch_name
from intake.spool import SpoolItem

BOT_NAME = "nearmiss-intake"
BOT_EMAIL = "intake@users.noreply.invalid"
LABELS = ("submission", "needs-deid-review")


class ForgeError(Exception):
    """The forge refused the request in a way a retry will not fix soon (bad credentials, wrong repository).

    Messages name the operation and the HTTP status, never a token or report text.
    """


class ForgeUnavailable(ForgeError):
    """The forge is down, slow or rate-limiting us; retry after `retry_after` seconds (None: use backoff)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Proposal:
    """One submission as a forge sees it: a branch with one new file, and a pull request."""

    submission_id: str
    branch: str
    path: str
    content: str
    commit_message: str
    title: str
    body: str
    day: dt.date
    labels: tuple[str, ...] = LABELS

    @classmethod
    def from_item(cls, item: SpoolItem) -> Proposal:
        """The proposal for a spooled submission."""
        return cls(item.submission_id, branch_name(item.submission_id), item.path, item.content,
                   item.commit_message, item.title, item.body, dt.date.fromisoformat(item.day))

    @property
    def timestamp(self) -> dt.datetime:
        """Commit time: midnight UTC of the submission day, so the commit does not tell the time of day."""
        return dt.datetime(self.day.year, self.day.month, self.day.day, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Opened:
    """Where a submission is: its pull request (or branch), and whether this call created it."""

    url: str
    number: int | None = None
    created: bool = False

    def record(self) -> dict:
        """What the spool keeps once the submission is done."""
        return {"url": self.url, "number": self.number}


class Forge(Protocol):
    """An adapter. `open` is idempotent: it looks for the submission's branch and pull request before creating
    either, so a retry after any failure or crash never makes a second one."""

    name: str

    def find(self, submission_id: str) -> Opened | None:
        """The submission's pull request (open, merged or closed), or None."""

    def open(self, proposal: Proposal) -> Opened:
        """Create whatever is missing of branch, commit, pull request and labels; return the pull request."""

    def close(self) -> None:
        """Release connections."""

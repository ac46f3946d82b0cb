"""The spool: accepted submissions on disk, durable before the reporter is told "received".

Layout (all private to the service user)::

    tmp/            files being written
    new/<id>.json   accepted, waiting for the worker
    done/<id>.json  the pull request it became (no report text)
    invalid/        unreadable items, kept for an operator (never deleted)

A write is atomic and durable: temp file, fsync, hard link into new/ (which fails if the ID is already there, so
a second "Send" cannot overwrite the first), fsync of the directory. File times are set to the submission day,
so the spool does not record the time of day either.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from intake.ids import SUBMISSION_ID

FORMAT = 1
STALE_TMP = 600  # seconds after which a temp file is debris from a crash


class CorruptItem(ValueError):
    """A spool file that cannot be read as a submission."""


@dataclass(frozen=True)
class SpoolItem:
    """Everything the worker needs to open the pull request; the report text is in `content`."""

    submission_id: str
    report_id: str
    day: str
    path: str
    content: str
    title: str
    body: str
    commit_message: str

    def to_json(self) -> bytes:
        """The item as stored."""
        return json.dumps({"format": FORMAT, **asdict(self)}, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> SpoolItem:
        """Read a stored item; raise CorruptItem if it is not one."""
        try:
            raw = json.loads(data.decode("utf-8"))
            if raw.pop("format") != FORMAT:
                raise CorruptItem("unknown format")
            item = cls(**raw)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise CorruptItem(error.__class__.__name__) from None
        if not SUBMISSION_ID.match(item.submission_id) or not all(isinstance(v, str) for v in asdict(item).values()):
            raise CorruptItem("bad fields")
        return item


class Spool:
    """A directory of submissions; safe to share between the web process and a worker process."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        for name in ("tmp", "new", "done", "invalid"):
            (self.root / name).mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)

    def put(self, item: SpoolItem) -> bool:
        """Store a submission durably; False if this submission was already accepted (then nothing changes)."""
        if self.is_done(item.submission_id):
            return False
        return self._write(self._new(item.submission_id), item.to_json(), _day_stamp(item.day), replace=False)

    def pending(self) -> list[str]:
        """IDs waiting for the worker, in a stable order (IDs are random, so this order says nothing)."""
        return sorted(path.stem for path in (self.root / "new").glob("*.json") if SUBMISSION_ID.match(path.stem))

    def load(self, submission_id: str) -> SpoolItem:
        """Read one waiting submission; raise CorruptItem if it cannot be used."""
        return SpoolItem.from_json(self._new(submission_id).read_bytes())

    def contains(self, submission_id: str) -> bool:
        """Waiting or done."""
        return self._new(submission_id).exists() or self.is_done(submission_id)

    def is_done(self, submission_id: str) -> bool:
        """The submission already has its pull request."""
        return (self.root / "done" / f"{submission_id}.json").exists()

    def done_record(self, submission_id: str) -> dict | None:
        """Where a done submission went, or None."""
        path = self.root / "done" / f"{submission_id}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def mark_done(self, submission_id: str, record: dict) -> None:
        """Record where the submission went, then remove its text from the spool (the forge has it now)."""
        data = json.dumps({"submission_id": submission_id, **record}, sort_keys=True).encode("utf-8")
        self._write(self.root / "done" / f"{submission_id}.json", data, None, replace=True)
        self._new(submission_id).unlink(missing_ok=True)
        _fsync_dir(self.root / "new")

    def quarantine(self, submission_id: str) -> Path:
        """Move an unreadable item aside for an operator; nothing is ever deleted unread."""
        target = self.root / "invalid" / f"{submission_id}.json"
        os.replace(self._new(submission_id), target)
        _fsync_dir(self.root / "new")
        return target

    def clean_tmp(self, older_than: float = STALE_TMP) -> int:
        """Delete temp files left by a crash mid-write (their submission was never acknowledged)."""
        removed, limit = 0, time.time() - older_than
        for path in (self.root / "tmp").iterdir():
            try:
                if path.stat().st_ctime < limit:
                    path.unlink()
                    removed += 1
            except FileNotFoundError:
                continue
        return removed

    def _new(self, submission_id: str) -> Path:
        if not SUBMISSION_ID.match(submission_id):
            raise ValueError("not a submission ID")
        return self.root / "new" / f"{submission_id}.json"

    def _write(self, target: Path, data: bytes, stamp: float | None, *, replace: bool) -> bool:
        tmp = self.root / "tmp" / f"{target.stem}.{secrets.token_hex(8)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if stamp is not None:
                os.utime(tmp, (stamp, stamp))
            if replace:
                os.replace(tmp, target)
            else:
                try:
                    os.link(tmp, target)
                except FileExistsError:
                    return False
            _fsync_dir(target.parent)
            return True
        finally:
            tmp.unlink(missing_ok=True)


def _day_stamp(day: str) -> float:
    return float(calendar.timegm(dt.date.fromisoformat(day).timetuple()))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

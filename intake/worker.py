"""The worker: turns spooled submissions into pull requests, retrying with backoff until each one is done.

Nothing is ever dropped. A transient failure (the forge is down or rate-limiting) waits for what the forge asked,
or for an exponentially growing, jittered delay; a permanent-looking one (a bad token) is retried at the longest
delay and logged as an error for the operator. An item leaves the spool only after the forge has its pull
request, and `Forge.open` looks before it creates, so a crash anywhere here never duplicates a pull request.
"""

from __future__ import annotations

import fcntl
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from intake import messages
from intake.forges.base import Forge, ForgeError, ForgeUnavailable, Proposal
from intake.spool import CorruptItem, Spool

log = logging.getLogger("intake.worker")
BASE_DELAY = 2.0


@dataclass
class Sweep:
    """What one pass over the spool did."""

    opened: int = 0
    waiting: int = 0
    failed: int = 0


class Worker:
    """Processes one spool against one forge; `run` loops in a thread, `sweep` does one pass (tests, --drain)."""

    def __init__(self, spool: Spool, forge: Forge, *, interval: float = 5.0, batch_seconds: int = 0,
                 max_delay: float = 900.0, clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], float] = time.time) -> None:
        self.spool, self.forge = spool, forge
        self.interval, self.batch_seconds, self.max_delay = interval, batch_seconds, max_delay
        self._clock, self._wall_clock = clock, wall_clock
        self._attempts: dict[str, int] = {}
        self._not_before: dict[str, float] = {}
        self._paused_until = 0.0
        self._wake = threading.Event()
        self._lock_file = None

    def wake(self) -> None:
        """A new submission was spooled: sweep now instead of at the next interval (unless batching)."""
        if not self.batch_seconds:
            self._wake.set()

    def sweep(self) -> Sweep:
        """One pass: try every submission that is due."""
        result = Sweep()
        pending = self.spool.pending()
        if self.batch_seconds:
            random.shuffle(pending)  # within a batch, pull request order must not reveal submission order
        for submission_id in pending:
            now = self._clock()
            if now < self._paused_until or now < self._not_before.get(submission_id, 0.0):
                result.waiting += 1
                continue
            if self._process(submission_id):
                result.opened += 1
            else:
                result.failed += 1
        return result

    def run(self, stop: threading.Event) -> None:
        """Sweep until `stop` is set; only one worker per spool sweeps at a time (a lock file decides)."""
        self.spool.clean_tmp()
        while not stop.is_set():
            if self._hold_lock():
                try:
                    if self._batch_due():
                        self.sweep()
                except Exception:  # keep the worker alive whatever happens; the item stays spooled
                    log.exception("worker sweep failed")
            else:
                log.info(messages.WORKER_LOCKED)
            self._wake.wait(self.interval)
            self._wake.clear()
        self._release_lock()

    def _process(self, submission_id: str) -> bool:
        try:
            item = self.spool.load(submission_id)
        except FileNotFoundError:
            return True  # another worker finished it
        except CorruptItem:
            where = self.spool.quarantine(submission_id)
            log.error(messages.WORKER_CORRUPT.format(name=submission_id, where=where))
            return False
        try:
            opened = self.forge.open(Proposal.from_item(item))
        except ForgeUnavailable as error:
            delay = self._retry_later(submission_id, error.retry_after)
            if error.retry_after:  # the forge asked everyone to wait, not just this item
                self._paused_until = self._clock() + error.retry_after
            log.warning(messages.WORKER_RETRY.format(submission=submission_id, reason=error, delay=delay))
            return False
        except ForgeError as error:
            delay = self._retry_later(submission_id, self.max_delay)
            log.error(messages.WORKER_FAILED.format(submission=submission_id, reason=error, delay=delay))
            return False
        except Exception as error:  # a bug must not lose the submission either
            delay = self._retry_later(submission_id, None)
            log.error(messages.WORKER_FAILED.format(submission=submission_id, reason=error.__class__.__name__,
                                                    delay=delay))
            return False
        self.spool.mark_done(submission_id, opened.record())
        self._attempts.pop(submission_id, None)
        self._not_before.pop(submission_id, None)
        log.info(messages.WORKER_OPENED.format(where=opened.url, submission=submission_id))
        return True

    def _retry_later(self, submission_id: str, at_least: float | None) -> float:
        attempts = self._attempts.get(submission_id, 0) + 1
        self._attempts[submission_id] = attempts
        backoff = min(self.max_delay, BASE_DELAY * 2 ** (attempts - 1)) * random.uniform(0.5, 1.0)
        delay = min(max(backoff, at_least or 0.0), max(self.max_delay, at_least or 0.0))
        self._not_before[submission_id] = self._clock() + delay
        return delay

    def _batch_due(self) -> bool:
        if not self.batch_seconds:
            return True
        # Sweep only in the first interval of each batch period, so pull requests appear on the batch clock.
        return self._wall_clock() % self.batch_seconds < max(self.interval, 1.0) * 1.5

    def _hold_lock(self) -> bool:
        if self._lock_file is not None:
            return True
        handle = open(self.spool.root / "worker.lock", "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._lock_file = handle
        return True

    def _release_lock(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None


def start(worker: Worker) -> tuple[threading.Thread, threading.Event]:
    """Run the worker in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    thread = threading.Thread(target=worker.run, args=(stop,), name="intake-worker", daemon=True)
    thread.start()
    return thread, stop

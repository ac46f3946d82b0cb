"""The worker: retries with backoff through a forge outage, and every submission ends in exactly one PR."""

from __future__ import annotations

import json

from intake.forges.base import ForgeUnavailable, Opened
from intake.forges.github import GitHubForge, token_auth
from intake.spool import Spool, SpoolItem
from intake.worker import Worker


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def fill(spool: Spool, count: int) -> list[str]:
    ids = [f"{index:016d}" for index in range(count)]
    for submission in ids:
        spool.put(SpoolItem(submission, f"NM-2026-S{submission}", "2026-03-04",
                            f"content/reports/NM-2026-S{submission}.md", f"draft {submission}\n", "Draft report",
                            "body", "Draft report\n\nbody"))
    return ids


def test_outage_only_delays_and_nothing_is_dropped_or_duplicated(fake_forge, tmp_path):
    forge, url = fake_forge
    spool = Spool(tmp_path / "spool")
    ids = fill(spool, 12)
    clock = Clock()
    adapter = GitHubForge(url, "safety", "intake", "main", token_auth("gh-token"), write_interval=0)
    worker = Worker(spool, adapter, clock=clock, max_delay=60)
    forge.fail(times=40, status=503)                     # down for a while
    forge.fail(times=3, status=502, method="POST", path_contains="/pulls", after=True)  # PR made, answer lost
    forge.fail(times=1, status=403, headers={"Retry-After": "30"}, message="secondary rate limit")
    for _ in range(400):
        worker.sweep()
        if not spool.pending():
            break
        clock.now += 5
    assert spool.pending() == []
    assert forge.violations == []
    heads = sorted(pull["head"]["ref"] for pull in forge.pulls)
    assert heads == sorted(f"submission/{submission}" for submission in ids)  # exactly one each
    for submission in ids:
        assert forge.file(f"submission/{submission}", f"content/reports/NM-2026-S{submission}.md") == \
            f"draft {submission}\n"
        assert json.loads((spool.root / "done" / f"{submission}.json").read_text())["number"] >= 1


class Flaky:
    """A forge that fails N times, recording when it was asked."""

    name = "flaky"

    def __init__(self, clock: Clock, failures: int, retry_after: float | None = None) -> None:
        self.clock, self.failures, self.retry_after, self.asked = clock, failures, retry_after, []

    def open(self, proposal):
        self.asked.append(self.clock.now)
        if len(self.asked) <= self.failures:
            raise ForgeUnavailable("down", self.retry_after)
        return Opened("pull/1", 1, created=True)

    def find(self, submission_id):
        return None

    def close(self):
        pass


def test_backoff_grows_and_honours_retry_after(tmp_path):
    clock = Clock()
    spool = Spool(tmp_path)
    fill(spool, 1)
    flaky = Flaky(clock, failures=5)
    worker = Worker(spool, flaky, clock=clock, max_delay=20)
    while spool.pending():
        worker.sweep()
        clock.now += 0.25
    gaps = [later - earlier for earlier, later in zip(flaky.asked, flaky.asked[1:], strict=False)]
    assert len(gaps) == 5 and gaps[-1] > gaps[0] and max(gaps) <= 20.25

    clock2 = Clock()
    spool2 = Spool(tmp_path / "second")
    fill(spool2, 2)
    patient = Flaky(clock2, failures=1, retry_after=42)
    worker2 = Worker(spool2, patient, clock=clock2)
    worker2.sweep()
    assert patient.asked == [0.0]  # the second item waits too: the forge asked everyone to wait
    clock2.now = 41.0
    worker2.sweep()
    assert patient.asked == [0.0]
    clock2.now = 42.5
    worker2.sweep()
    assert spool2.pending() == []


def test_unreadable_items_are_moved_aside_and_others_proceed(tmp_path):
    clock = Clock()
    spool = Spool(tmp_path)
    fill(spool, 2)
    (tmp_path / "new" / "9999999999999999.json").write_text("{")
    worker = Worker(spool, Flaky(clock, failures=0), clock=clock)
    worker.sweep()
    assert spool.pending() == [] and (tmp_path / "invalid" / "9999999999999999.json").exists()


def test_batch_mode_sweeps_only_on_the_batch_clock(tmp_path):
    clock = Clock()
    spool = Spool(tmp_path)
    fill(spool, 3)
    wall = [3600 * 10 + 1800.0]
    worker = Worker(spool, Flaky(clock, failures=0), clock=clock, batch_seconds=3600, interval=5,
                    wall_clock=lambda: wall[0])
    assert not worker._batch_due()
    wall[0] = 3600 * 11 + 2
    assert worker._batch_due()
    worker.wake()
    assert not worker._wake.is_set()  # batching: a new submission does not trigger a sweep

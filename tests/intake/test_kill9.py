"""Fault test: kill -9 the real service in the middle of a burst of submissions, restart it, resend.

Afterwards every submission that showed a receipt is in exactly one submission branch, none is duplicated, and
the spool is empty. Reporters whose "Send" was cut off press it again after the restart: if their report had
reached the spool before the kill they get the same receipt and still exactly one branch.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter

import httpx

from tests.intake.helpers import (ANSWERS, draft_of, encode, env, hidden_of, receipt_hash, receipt_of,
                                  submission_branches, token_of)

USERS = 6
FORM = {"content-type": "application/x-www-form-urlencoded"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(settings: dict, port: int, log) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "generator", "intake", "--port", str(port)],
                               env={**os.environ, **settings}, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the service exited"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError("the service did not start")


class Reporter(threading.Thread):
    """Sends reports one after another until the service dies; remembers a cut-off Send to press it again."""

    def __init__(self, base: str, number: int) -> None:
        super().__init__(daemon=True)
        self.base, self.number = base, number
        self.receipts: list[str] = []
        self.unanswered: list[list[tuple[str, str]]] = []

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as client:
            for index in range(1000):
                answers = {**ANSWERS, "title": f"Reporter {self.number} report {index} on a night stop"}
                try:
                    form = client.get("/")
                    review = client.post("/review", content=encode({"token": token_of(form.text), **answers}),
                                         headers=FORM)
                    confirm = hidden_of(review.text) + [("action", "send")]
                except httpx.HTTPError:
                    return
                try:
                    done = client.post("/confirm", content=encode(confirm), headers=FORM)
                except httpx.HTTPError:
                    self.unanswered.append(confirm)
                    return
                assert done.status_code == 200, done.text[:300]
                self.receipts.append(receipt_of(done.text))


def test_kill_9_mid_burst_loses_and_duplicates_nothing(repo, tmp_path):
    settings = env(repo, tmp_path / "spool", worker_interval="0.2")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(tmp_path / "service.log", "w")  # noqa: SIM115 - both runs of the service append to it
    service = start(settings, port, log)
    reporters = [Reporter(base, number) for number in range(USERS)]
    for reporter in reporters:
        reporter.start()
    deadline = time.monotonic() + 60
    while sum(len(r.receipts) for r in reporters) < 25 and time.monotonic() < deadline:
        time.sleep(0.05)
    service.send_signal(signal.SIGKILL)
    service.wait(timeout=30)
    for reporter in reporters:
        reporter.join(timeout=60)
    acknowledged = [receipt for reporter in reporters for receipt in reporter.receipts]
    assert len(acknowledged) >= 25

    service = start(settings, port, log)
    try:
        again = []
        with httpx.Client(base_url=base, timeout=30) as client:
            for reporter in reporters:
                for pairs in reporter.unanswered:  # the reporter presses "Send" again
                    done = client.post("/confirm", content=encode(pairs), headers=FORM)
                    assert done.status_code == 200
                    again.append(receipt_of(done.text))
        deadline = time.monotonic() + 120
        while any((tmp_path / "spool" / "new").iterdir()) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any((tmp_path / "spool" / "new").iterdir()), "the restarted worker did not drain the spool"
    finally:
        service.send_signal(signal.SIGTERM)
        service.wait(timeout=30)
        log.close()
    # The service logged its work, and no client address: only its own start-up line names an address.
    lines = (tmp_path / "service.log").read_text().splitlines()
    assert any("Opened branch submission/" in line for line in lines)
    assert not [line for line in lines if "127.0.0.1" in line and not line.startswith("Intake form on")]

    hashes = Counter()
    for branch in submission_branches(repo):
        _, text = draft_of(repo, branch)
        hashes[next(line for line in text.splitlines() if line.startswith("receipt_hash:")).split()[1]] += 1
    assert max(hashes.values()) == 1  # no report in two branches
    for receipt in acknowledged + again:
        assert hashes[receipt_hash(receipt)] == 1, receipt
    assert len(set(acknowledged + again)) == len(acknowledged) + len(again)  # every receipt is its own report
    assert len(hashes) >= len(acknowledged) + len(again)  # spooled-but-cut-off reports are kept too

#!/usr/bin/env python3
"""Load benchmark of the intake service, on loopback only.

    python bench/intake_load.py [--users 50] [--seconds 60] [--worker]

Starts `nearmiss intake` as a child process on 127.0.0.1 with a fresh git repository and spool in a temporary
directory, then runs N concurrent reporters for S seconds, each sending complete reports one after another
(GET the form, POST the review, POST the confirm). Prints throughput, p50/p99 latency per step, the number of
5xx answers and of failed connections, and lost submissions: receipts a reporter was shown whose report is not
in the spool (or, with --worker, not in a submission branch). Bounded: at most 500 users and 600 seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parent.parent
FORM = {"content-type": "application/x-www-form-urlencoded"}
ANSWERS = [
    ("event_type", "traffic-stop"), ("contributing_factors", "complacency"), ("contributing_factors", "tactics"),
    ("loss_potential", "fatal"), ("what_prevented_harm", "partner-backup"), ("month", "3"), ("year", "2025"),
    ("time_block", "18-24"), ("region", "east-north-central"), ("setting", "suburban"), ("agency_size", "50-249"),
    ("officers_on_scene", "2"), ("reporter_role", "involved"),
    ("title", "Passenger reached under the seat on a night stop"),
    ("what_happened", ("I stopped a sedan for a burned-out headlight late in the shift. My partner Miller was "
                       "behind me. While I read the licence the passenger slid his right hand under his seat; I "
                       "saw it late and ordered him to show his hands. Call 937-555-0123 if needed.\n\n") * 4),
    ("lessons_learned", "- Keep the passenger in your scan.\n- Ask for a second unit on night stops.\n"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--worker", action="store_true", help="also run the worker (local forge) during the load")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    users, seconds = min(max(args.users, 1), 500), min(max(args.seconds, 1.0), 600.0)
    work = Path(tempfile.mkdtemp(prefix="nearmiss-intake-bench-"))
    try:
        repo, spool = make_repo(work / "repo"), work / "spool"
        port = free_port()
        service = start(repo, spool, port, args.worker)
        try:
            results = asyncio.run(load(f"http://127.0.0.1:{port}", users, seconds))
            if args.worker:
                drain(spool, 300)
        finally:
            service.terminate()
            service.wait(timeout=60)
        report(results, users, seconds, stored_receipts(repo, spool, args.worker), args.worker)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def make_repo(path: Path) -> Path:
    path.mkdir(parents=True)
    shutil.copytree(ROOT / "tests" / "fixtures" / "content", path / "content")
    git = ["git", "-C", str(path), "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "content"], check=True)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(repo: Path, spool: Path, port: int, worker: bool) -> subprocess.Popen:
    env = {**os.environ, "NEARMISS_INTAKE_SECRET": "bench-secret-" + "x" * 40,
           "NEARMISS_INTAKE_RATE": "100000000/60", "NEARMISS_INTAKE_LOG_LEVEL": "WARNING",
           "NEARMISS_INTAKE_WORKER_INTERVAL": "0.5"}
    command = [sys.executable, "-m", "generator", "intake", "--host", "127.0.0.1", "--port", str(port),
               "--repo", str(repo), "--spool", str(spool)] + ([] if worker else ["--no-worker"])
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the intake service did not start")


async def load(base: str, users: int, seconds: float) -> dict:
    results = {"latency": defaultdict(list), "status": Counter(), "errors": Counter(), "retries": Counter(),
               "receipts": [], "submissions": []}
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        await asyncio.gather(*(reporter(client, stop, results) for _ in range(users)))
    return results


async def reporter(client: httpx.AsyncClient, stop: float, results: dict) -> None:
    while time.monotonic() < stop:
        started = time.perf_counter()
        try:
            form = await timed(client, "GET /", results, "GET", "/")
            token = unescape(re.search(r'name="token" value="([^"]+)"', form.text).group(1))
            review = await timed(client, "POST /review", results, "POST", "/review",
                                 content=urlencode([("token", token), *ANSWERS]), headers=FORM)
            hidden = [(unescape(n), unescape(v)) for n, v in
                      re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', review.text)]
            done = await timed(client, "POST /confirm", results, "POST", "/confirm",
                               content=urlencode(hidden + [("action", "send")]), headers=FORM)
        except (httpx.HTTPError, AttributeError) as error:
            results["errors"][error.__class__.__name__] += 1
            continue
        match = re.search(r'<code id="receipt">([^<]+)</code>', done.text)
        if done.status_code == 200 and match:
            results["receipts"].append(match.group(1))
            results["submissions"].append(time.perf_counter() - started)


async def timed(client, name: str, results: dict, method: str, path: str, **kwargs) -> httpx.Response:
    started = time.perf_counter()
    try:
        response = await client.request(method, path, **kwargs)
    except (httpx.ReadError, httpx.RemoteProtocolError):
        # A kept-alive connection closed by the server just as it was reused: browsers resend, and every step
        # is safe to resend (confirm is idempotent: the same review page gives the same submission).
        results["retries"][name] += 1
        response = await client.request(method, path, **kwargs)
    results["latency"][name].append(time.perf_counter() - started)
    results["status"][response.status_code] += 1
    return response


def drain(spool: Path, limit: float) -> None:
    deadline = time.monotonic() + limit
    while any((spool / "new").glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.5)


def stored_receipts(repo: Path, spool: Path, worker: bool) -> Counter:
    """Receipt hashes of every stored report: spool items, and with the worker the submission branches."""
    found: Counter = Counter()
    for path in (spool / "new").glob("*.json"):
        found.update(re.findall(r"receipt_hash: (sha256:[0-9a-f]{64})", json.loads(path.read_text())["content"]))
    if worker:
        refs = subprocess.run(["git", "-C", str(repo), "for-each-ref", "--format=%(refname)",
                               "refs/heads/submission/"], capture_output=True, text=True, check=True).stdout.split()
        for ref in refs:
            log = subprocess.run(["git", "-C", str(repo), "log", "-p", "-1", ref], capture_output=True, text=True,
                                 check=True).stdout
            found.update(set(re.findall(r"receipt_hash: (sha256:[0-9a-f]{64})", log)))
    return found


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def report(results: dict, users: int, seconds: float, stored: Counter, worker: bool) -> None:
    receipts = results["receipts"]
    hashes = ["sha256:" + hashlib.sha256(code.replace("-", "").encode()).hexdigest() for code in receipts]
    lost = sum(1 for value in hashes if stored[value] == 0)
    duplicated = sum(1 for count in stored.values() if count > 1)
    requests = sum(results["status"].values())
    server_errors = sum(count for status, count in results["status"].items() if status >= 500)
    print(f"intake load: {users} concurrent reporters for {seconds:.0f} s on loopback "
          f"({'with' if worker else 'without'} the worker), {os.cpu_count()} CPUs")
    print(f"  submissions acknowledged  {len(receipts):>8}   ({len(receipts) / seconds:.1f}/s)")
    print(f"  requests                  {requests:>8}   ({requests / seconds:.1f}/s)")
    print(f"  status codes              {dict(sorted(results['status'].items()))}")
    print(f"  5xx answers               {server_errors:>8}")
    print(f"  failed requests           {sum(results['errors'].values()):>8}   {dict(results['errors'])}")
    print(f"  resent after a closed keep-alive connection {sum(results['retries'].values())}")
    print(f"  stored ({'branches+spool' if worker else 'spool'})   {len(stored):>8}")
    print(f"  lost submissions          {lost:>8}   (acknowledged but not stored)")
    print(f"  duplicated submissions    {duplicated:>8}")
    print("  latency (s)                  p50      p99      max")
    for name in ("GET /", "POST /review", "POST /confirm"):
        values = results["latency"][name]
        print(f"    {name:<22} {percentile(values, .5):>8.3f} {percentile(values, .99):>8.3f} "
              f"{max(values, default=float('nan')):>8.3f}")
    values = results["submissions"]
    print(f"    {'whole submission':<22} {percentile(values, .5):>8.3f} {percentile(values, .99):>8.3f} "
          f"{max(values, default=float('nan')):>8.3f}")
    if values:
        print(f"  mean submission time      {statistics.mean(values):.3f} s")


if __name__ == "__main__":
    main()

"""Run one command of the scale benchmark and measure it: wall time, CPU time and peak RSS of the process tree.

Every measured step is a separate process (as a user runs it), timed here from outside. `os.wait4` gives the
child's own resource usage, including the children it waited for (the MkDocs child of `nearmiss build`, Pagefind);
the machine's load average is recorded with each step because this 2-core machine is shared.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass
class Measured:
    """One step: what ran, how long, how much memory, and what it reported about itself (its stats file)."""

    name: str
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    load_before: float
    load_after: float
    returncode: int
    stats: dict = field(default_factory=dict)
    output_tail: str = ""

    def row(self) -> dict:
        return asdict(self)


def run(name: str, command: list[str], *, cwd: Path | None = None, env: dict | None = None,
        stats_file: Path | None = None, ok_codes: tuple[int, ...] = (0,)) -> Measured:
    """Run `command` to completion; raise if it exits with a code outside `ok_codes`."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", NEARMISS_PROGRESS="plain", **(env or {}))
    if stats_file is not None:
        stats_file.unlink(missing_ok=True)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"nearmiss-bench-{os.getpid()}.log"
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])
    log.unlink(missing_ok=True)
    if code not in ok_codes:
        raise SystemExit(f"{name} failed ({code}):\n{tail}")
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file is not None and stats_file.exists() else {}
    measured = Measured(name, round(seconds, 2), round(usage.ru_utime + usage.ru_stime, 2),
                        round(usage.ru_maxrss / 1024, 1), load_before, os.getloadavg()[0], code, stats, tail)
    print(f"  {name:<34} {measured.seconds:8.1f} s wall {measured.cpu_seconds:8.1f} s CPU "
          f"{measured.peak_rss_mb:8.0f} MB   load {load_before:.1f}->{measured.load_after:.1f}", flush=True)
    return measured


def nearmiss(*arguments: str) -> list[str]:
    return [str(BIN / "nearmiss"), *arguments]


def python(*arguments: str) -> list[str]:
    return [sys.executable, *arguments]


def folder_mb(path: Path) -> float:
    """Bytes of every file under `path`, in MB."""
    return round(sum(item.stat().st_size for item in path.rglob("*") if item.is_file()) / 1e6, 1)


def touch_one_report(content: Path, undo: bool = False) -> Path:
    """Change (or change back) the text of one report in the middle of the corpus, as an editor would."""
    reports = sorted((content / "reports").glob("*.md"))
    path = reports[len(reports) // 3]
    sentence = "\nA ladder slipped on wet rock.\n"
    text = path.read_text(encoding="utf-8")
    marker = "\n## Lessons learned"
    if undo:
        path.write_text(text.replace(sentence + marker, marker, 1), encoding="utf-8")
    elif sentence + marker not in text:
        path.write_text(text.replace(marker, sentence + marker, 1), encoding="utf-8")
    return path

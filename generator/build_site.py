"""Build a complete static site: MkDocs with the nearmiss plugin, then swap it into place.

MkDocs runs in a child process: the generator core never imports MkDocs, and the child's memory is returned to
the system when it ends. The site is built into a temporary sibling directory and renamed over the old one only
when the build succeeded, so a failed build never leaves a half-written site. The child reports its progress as
machine-readable lines (generator.progress), shown here as a bar or as plain lines.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import NearmissError, Problem
from generator.progress import Relay


@dataclass
class BuildSummary:
    """What a build produced and how long each stage took."""

    site_dir: Path
    pages: int
    seconds: float
    stages: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: dict = field(default_factory=dict)


def build_site(content_dir: Path, site_dir: Path, config_file: Path, *, preview: bool = False,
               k: int = 3, jobs: int | None = None) -> BuildSummary:
    """Run `mkdocs build` for the content directory; raise NearmissError with MkDocs' output if it fails."""
    if not config_file.is_file():
        raise NearmissError(Problem(str(config_file), 1, "config", "MkDocs configuration not found (use --config)"))
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.partial-", dir=site_dir.parent))
    stats = partial.with_name(partial.name + ".stats.json")
    started = time.perf_counter()
    try:
        output = _run_mkdocs(content_dir, partial, config_file, stats, preview=preview, k=k, jobs=jobs)
        child_seconds = time.perf_counter() - started
        recorded = json.loads(stats.read_text(encoding="utf-8")) if stats.exists() else {}
        _swap_into_place(partial, site_dir)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
        stats.unlink(missing_ok=True)
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    notes = recorded.get("notes", {})
    notes["mkdocs_process_seconds"] = round(child_seconds, 3)
    notes["swap_seconds"] = round(time.perf_counter() - started - child_seconds, 3)
    return BuildSummary(site_dir, notes.get("pages", 0), time.perf_counter() - started, recorded.get("stages", []),
                        warnings, notes)


def _run_mkdocs(content_dir: Path, out_dir: Path, config_file: Path, stats: Path, *, preview: bool,
                k: int, jobs: int | None) -> str:
    env = dict(os.environ)
    env.update({
        "NEARMISS_CONTENT_DIR": str(content_dir.resolve()),
        "NEARMISS_PREVIEW": "true" if preview else "false",
        "NEARMISS_K": str(k),
        "NEARMISS_STATS_FILE": str(stats),
        "NEARMISS_PROGRESS": "child",
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONUNBUFFERED": "1",
        "NEARMISS_STARTED": repr(time.time()),
    })
    if jobs:  # the child parses and scans only what the check before it did not (nothing, normally)
        env["NEARMISS_JOBS"] = str(jobs)
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config_file), "-d", str(out_dir)]
    relay, lines = Relay(), []
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               encoding="utf-8", errors="replace")
    try:
        for line in process.stdout:
            if not relay.feed(line):
                lines.append(line)
    finally:
        relay.close()
        process.wait()
    output = "".join(lines)
    if process.returncode != 0:
        raise NearmissError(Problem(str(config_file), 1, "mkdocs", "build failed:\n" + _tail(output)))
    return output


def _swap_into_place(partial: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
        site_dir.rename(old)
    partial.rename(site_dir)
    if old is not None:
        _remove_later(old)


def _remove_later(folder: Path) -> None:
    """Delete the replaced site in a process of its own: 60,000 files take seconds that nobody needs to wait
    for. One left behind (the machine stopped first) is deleted by the next build."""
    for stale in folder.parent.glob(f".{folder.name.split('.old-')[0].lstrip('.')}.old-*"):
        if stale != folder:
            shutil.rmtree(stale, ignore_errors=True)
    subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                      str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)


def _tail(output: str, lines: int = 40) -> str:
    kept = [line for line in output.splitlines() if "Material for MkDocs" not in line]
    return "\n".join(kept[-lines:])

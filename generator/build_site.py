"""Build a complete static site: MkDocs with the nearmiss plugin, then swap it into place.

MkDocs runs in a child process: the generator core never imports MkDocs, and the child's memory is returned to
the system when it ends. The site is built into a temporary sibling directory and renamed over the old one only
when the build succeeded, so a failed build never leaves a half-written site.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import NearmissError, Problem


@dataclass
class BuildSummary:
    """What a build produced and how long each stage took."""

    site_dir: Path
    pages: int
    seconds: float
    stages: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    child_peak_rss_mb: float = 0.0


def build_site(content_dir: Path, site_dir: Path, config_file: Path, *, preview: bool = False,
               k: int = 3) -> BuildSummary:
    """Run `mkdocs build` for the content directory; raise NearmissError with MkDocs' output if it fails."""
    if not config_file.is_file():
        raise NearmissError(Problem(str(config_file), 1, "config", "MkDocs configuration not found (use --config)"))
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.partial-", dir=site_dir.parent))
    stats = partial.with_name(partial.name + ".stats.json")
    started = time.perf_counter()
    try:
        output = _run_mkdocs(content_dir, partial, config_file, stats, preview=preview, k=k)
        stages = json.loads(stats.read_text(encoding="utf-8"))["stages"] if stats.exists() else []
        _swap_into_place(partial, site_dir)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
        stats.unlink(missing_ok=True)
    warnings = [line for line in output.splitlines() if line.startswith("WARNING")]
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return BuildSummary(site_dir, pages, time.perf_counter() - started, stages, warnings, round(child_rss, 1))


def _run_mkdocs(content_dir: Path, out_dir: Path, config_file: Path, stats: Path, *, preview: bool, k: int) -> str:
    env = dict(os.environ)
    env.update({
        "NEARMISS_CONTENT_DIR": str(content_dir.resolve()),
        "NEARMISS_PREVIEW": "true" if preview else "false",
        "NEARMISS_K": str(k),
        "NEARMISS_STATS_FILE": str(stats),
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONUNBUFFERED": "1",
    })
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config_file), "-d", str(out_dir)]
    process = subprocess.run(command, env=env, capture_output=True, text=True)
    output = process.stdout + process.stderr
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
        shutil.rmtree(old, ignore_errors=True)


def _tail(output: str, lines: int = 40) -> str:
    kept = [line for line in output.splitlines() if "Material for MkDocs" not in line]
    return "\n".join(kept[-lines:])

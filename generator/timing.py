"""Wall time and peak memory per build stage, for the build summary and the benchmarks."""

from __future__ import annotations

import resource
import time
from contextlib import contextmanager
from dataclasses import dataclass, field


def peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident memory of a running process (default: this one) so far, in MB.

    Linux's VmHWM, not getrusage: a child started with fork and exec inherits its parent's peak in ru_maxrss, so
    the MkDocs child of `nearmiss build` (and Pagefind, its child) would report the larger of theirs and ours.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if pid == "self" else 0.0


@dataclass
class StageTimes:
    """Seconds and peak RSS for each named stage, in the order they ran, plus named figures (`notes`)."""

    stages: list[dict] = field(default_factory=list)
    notes: dict = field(default_factory=dict)
    _open: tuple[str, float] | None = field(default=None, repr=False)

    @contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self._record(name, started)

    def begin(self, name: str) -> None:
        """Start a stage that ends in another hook (MkDocs renders between two plugin events); ends the open one."""
        self.end()
        self._open = (name, time.perf_counter())

    def end(self) -> None:
        if self._open is not None:
            name, started = self._open
            self._open = None
            self._record(name, started)

    def _record(self, name: str, started: float) -> None:
        self.stages.append({"stage": name, "seconds": round(time.perf_counter() - started, 3),
                            "peak_rss_mb": round(peak_rss_mb(), 1)})

    def as_dict(self) -> dict:
        self.end()
        return {"stages": list(self.stages), "notes": dict(self.notes)}

"""Wall time and peak memory per build stage, for the build summary and the benchmarks."""

from __future__ import annotations

import resource
import time
from contextlib import contextmanager
from dataclasses import dataclass, field


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class StageTimes:
    """Seconds and peak RSS for each named stage, in the order they ran."""

    stages: list[dict] = field(default_factory=list)

    @contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.stages.append({"stage": name, "seconds": round(time.perf_counter() - started, 3),
                                "peak_rss_mb": round(peak_rss_mb(), 1)})

    def as_dict(self) -> dict:
        return {"stages": list(self.stages)}

"""Progress of long steps: a bar on a terminal, a few quiet plain lines elsewhere (CI logs), or nothing.

The mode comes from NEARMISS_PROGRESS (`bar`, `plain`, `child`, `off`); by default `bar` when stderr is a
terminal and `plain` otherwise. `child` is what `nearmiss build` asks of its MkDocs child process: one
machine-readable line per update (`PREFIX` + JSON), which the parent shows in its own mode (`relay`).
"""

from __future__ import annotations

import json
import os
import sys
import time

import click

PREFIX = "@@nearmiss-progress "
PLAIN_STEPS = 4  # plain mode prints a line at each quarter, so a 30,000-report check logs five lines
MIN_SHOWN = 500  # shorter steps take a second or less: no progress for them


def mode() -> str:
    """The progress mode of this process."""
    chosen = os.environ.get("NEARMISS_PROGRESS", "").strip().lower()
    if chosen in ("bar", "plain", "child", "off"):
        return chosen
    return "bar" if sys.stderr.isatty() else "plain"


class Progress:
    """One step, `total` items long. Use as a context manager; `advance(n)` after each batch of work."""

    def __init__(self, label: str, total: int, *, unit: str = "items", style: str | None = None, stream=None) -> None:
        self.label, self.total, self.unit = label, max(0, int(total)), unit
        self.style = (style or mode()) if self.total >= MIN_SHOWN else "off"
        self.stream = stream or sys.stderr
        self.done, self.started, self._shown = 0, time.perf_counter(), 0
        self._bar = None

    def __enter__(self) -> Progress:
        if self.style == "bar" and self.total:
            self._bar = click.progressbar(length=self.total, label=self.label, file=self.stream, show_pos=True)
            self._bar.__enter__()
        elif self.style == "plain":
            self._line(f"{self.label}: {self.total} {self.unit}")
        elif self.style == "child":
            self._emit()
        return self

    def advance(self, count: int = 1) -> None:
        self.done = min(self.total, self.done + count)
        if self._bar is not None:
            self._bar.update(count)
        elif self.style == "plain" and self.total:
            step = self.done * PLAIN_STEPS // self.total
            if step > self._shown and self.done < self.total:
                self._shown = step
                self._line(f"{self.label}: {self.done * 100 // self.total}% ({self.done}/{self.total})")
        elif self.style == "child" and self.total and (
                # At most about a hundred lines per step through the pipe.
                self.done * 100 // self.total > self._shown * 100 // self.total or self.done == self.total):
            self._shown = self.done
            self._emit()

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
        elif self.style == "plain":
            self._line(f"{self.label}: done in {time.perf_counter() - self.started:.1f} s")
        elif self.style == "child":
            self.done = self.total
            self._emit(end=True)

    def _line(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def _emit(self, end: bool = False) -> None:
        message = {"label": self.label, "total": self.total, "done": self.done, "unit": self.unit, "end": end}
        print(PREFIX + json.dumps(message), file=self.stream, flush=True)


class Relay:
    """Shows a child process's `child`-mode lines as progress of this process (in this process's mode)."""

    def __init__(self, style: str | None = None, stream=None) -> None:
        self.style, self.stream = style or mode(), stream
        self.current: Progress | None = None

    def feed(self, line: str) -> bool:
        """Handle one line of the child's output; False if it is not a progress line."""
        if not line.startswith(PREFIX):
            return False
        try:
            message = json.loads(line[len(PREFIX):])
        except ValueError:
            return False
        if self.current is None or self.current.label != message["label"]:
            self.close()
            self.current = Progress(message["label"], message["total"], unit=message["unit"], style=self.style,
                                    stream=self.stream).__enter__()
        self.current.advance(message["done"] - self.current.done)
        if message.get("end"):
            self.close()
        return True

    def close(self) -> None:
        if self.current is not None:
            self.current.__exit__(None, None, None)
            self.current = None

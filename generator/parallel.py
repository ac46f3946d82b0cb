"""Run one function over many items on every core, in order, with progress; or serially when that is cheaper.

Cold `nearmiss check` parses and scans every report, and a site build renders thousands of pages: pure Python
and CPU-bound, so only processes use a second core. Workers start with the `forkserver` method by default (a
plain fork copies whatever locks other threads hold) and import what they need themselves. A caller whose
workers need a large state (the whole corpus, to render pages) and that runs no other thread may ask for `fork`:
the workers then inherit the state instead of unpickling a copy each, one after the other, at start-up.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed

# Below this many items a pool's start-up (about a second: each worker imports the scanner and loads its word
# lists) costs more than it saves.
MIN_PARALLEL_ITEMS = 400
CHUNK_SIZE = 100


def default_jobs() -> int:
    """Worker processes to use: NEARMISS_JOBS if set, else the cores this process may run on."""
    configured = os.environ.get("NEARMISS_JOBS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def map_items(function: Callable, items: Sequence, **options) -> list:
    """`[function(item) for item in items]`, in chunks over `jobs` processes when there are enough items.

    `function` and `initializer` must be importable module-level functions; `initializer(*initargs)` runs once
    in each worker (and once here when serial). The result is the same either way (tested). Options are those
    of `start_map`.
    """
    return start_map(function, items, **options).results()


def start_map(function: Callable, items: Sequence, *, jobs: int = 1, progress=None,
              initializer: Callable | None = None, initargs: tuple = (), min_parallel: int | None = None,
              start_method: str = "forkserver") -> Pending:
    """Start `map_items` and return at once, so that this process can do other work meanwhile; a serial map
    runs when its results are asked for."""
    if jobs <= 1 or len(items) < (MIN_PARALLEL_ITEMS if min_parallel is None else min_parallel):
        return Pending(function, items, progress, initializer, initargs)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context(start_method if start_method in methods else "spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=initializer, initargs=initargs)
    size = CHUNK_SIZE
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    futures = {pool.submit(_run_chunk, function, chunk): index for index, chunk in enumerate(chunks)}
    return Pending(function, items, progress, pool=pool, futures=futures, sizes=[len(chunk) for chunk in chunks])


class Pending:
    """The results of a map that is running in worker processes (or that will run here)."""

    def __init__(self, function, items, progress, initializer=None, initargs=(), *, pool=None, futures=None,
                 sizes=None) -> None:
        self.function, self.items, self.progress = function, items, progress
        self.initializer, self.initargs = initializer, initargs
        self.pool, self.futures, self.sizes = pool, futures, sizes

    def results(self, each: Callable | None = None) -> list:
        """Wait for every result, in the order of the items; `each(result)` is called on every result as soon as
        it arrives (in the order they complete), so that the caller can start using them."""
        if self.pool is None:
            return self._serial(each)
        chunks: list = [None] * len(self.sizes)
        try:
            for future in as_completed(self.futures):
                index = self.futures[future]
                chunks[index] = future.result()
                for result in chunks[index] if each is not None else ():
                    each(result)
                if self.progress is not None:
                    self.progress.advance(self.sizes[index])
        finally:
            self.pool.shutdown(cancel_futures=True)
        return [result for chunk in chunks for result in chunk]

    def cancel(self) -> None:
        """Stop the workers (after an error here, while they ran)."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def _serial(self, each: Callable | None) -> list:
        if self.initializer is not None:
            self.initializer(*self.initargs)
        results = []
        for item in self.items:
            results.append(self.function(item))
            if each is not None:
                each(results[-1])
            if self.progress is not None:
                self.progress.advance(1)
        return results


def _run_chunk(function: Callable, chunk: Sequence) -> list:
    return [function(item) for item in chunk]

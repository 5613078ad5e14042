"""Parse and analyse the candidate files, in a process pool when the work is worth one.

The runner decides what to parse after its cheap pass (read, prefilter, cache), so the pool only
ever sees files that need libcst. A small run (pre-commit's few files, an edit or two on a warm
cache) stays in this process: starting workers costs more than it saves. Results come back in
any order; the caller puts them in place by index, so the report does not depend on scheduling.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from taskleak.model import FileResult

# Below this much source, one process is faster than starting a pool (libcst analyses about
# 0.5 MB of source a second here; forking workers and shipping the bytes costs ~50 ms).
POOL_MIN_BYTES = 192 * 1024
POOL_MIN_FILES = 2


@dataclass(frozen=True)
class Job:
    index: int  # where the result goes in the run's file list
    display: str
    data: bytes


OnResult = Callable[[Job, FileResult], None]


def default_jobs() -> int:
    """All the cores this process may use."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        count = os.process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:
        count = os.cpu_count()
    return max(1, count or 1)


def pool_size(jobs: Sequence[Job], max_workers: int) -> int:
    """How many worker processes to use for `jobs` (0: analyse in this process)."""
    if max_workers <= 1 or len(jobs) < POOL_MIN_FILES:
        return 0
    if sum(len(j.data) for j in jobs) < POOL_MIN_BYTES:
        return 0
    return min(max_workers, len(jobs))


def analyze_jobs(jobs: Sequence[Job], spawners: tuple[str, ...], max_workers: int,
                 on_result: OnResult) -> int:
    """Analyse every job, calling `on_result` for each (in completion order).

    Returns the number of worker processes used (0 when everything ran in this process).
    """
    workers = pool_size(jobs, max_workers)
    if workers == 0:
        _analyze_here(jobs, spawners, on_result)
        return 0
    # The biggest files first, so no worker is left with a large file at the end.
    ordered = sorted(jobs, key=lambda j: len(j.data), reverse=True)
    done: set[int] = set()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
            futures: dict[Future[FileResult], Job] = {
                pool.submit(analyze_job, job.data, job.display, spawners): job for job in ordered
            }
            try:
                for future in as_completed(futures):
                    job = futures[future]
                    result = future.result()
                    done.add(job.index)
                    on_result(job, result)
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
    except BrokenProcessPool:
        # A worker died (killed, out of memory): finish what is left here, one by one.
        _analyze_here([j for j in jobs if j.index not in done], spawners, on_result)
    return workers


def analyze_job(data: bytes, display: str, spawners: tuple[str, ...]) -> FileResult:
    """One file in a worker (or here): the parser is imported on first use."""
    from taskleak.analyze import analyze_bytes

    return analyze_bytes(data, display, spawners)


def _analyze_here(jobs: Sequence[Job], spawners: tuple[str, ...], on_result: OnResult) -> None:
    for job in jobs:
        on_result(job, analyze_job(job.data, job.display, spawners))


def _context() -> multiprocessing.context.BaseContext:
    """`fork` on Linux: workers start in milliseconds and share the parent's imported parser.

    The parent runs no threads while the pool starts (the progress bar refreshes by hand), so
    forking is safe. Elsewhere the platform's default start method is used.
    """
    if sys.platform.startswith("linux"):
        # Import the parser once here, before forking, so every worker shares it.
        import taskleak.analyze  # noqa: F401

        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()

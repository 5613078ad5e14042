"""Analyse the candidate files (`pipeline.py`), in a process pool when the work is worth one.

The runner hands over each file its cheap pass (read, prefilter, cache) could not answer, while
the pass goes on. Jobs are held back until they add up to `POOL_MIN_BYTES`: a small run
(pre-commit's few files, an edit or two on a warm cache) never starts a pool and is analysed in
this process at the end. A big run starts the pool as soon as it has that much work, and every
later job goes straight to it, so parsing overlaps the rest of the pass (and the workers import
libcst while this process is still reading files). Results come back in any order; the caller
puts them in place by index, so the report does not depend on scheduling.

Ctrl-C is this process's to handle: the workers ignore SIGINT (a terminal sends it to the whole
process group; blocked while they fork, so none dies of it before ignoring it), and `abort`
stops them at once instead of waiting for the files they are parsing. They write nothing, so
stopping them loses nothing.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from taskleak.analysis.facts.calls import CallPosition
from taskleak.analysis.facts.module import FileFacts
from taskleak.analysis.obligations.spawners import Spawner
from taskleak.analysis.tree.blocks import Words
from taskleak.analysis.tree.through import Through
from taskleak.records import record
from taskleak.run.base_sources import BaseSource

# Below this much source, one process is faster than starting a pool (libcst parses and
# taskleak analyses about 0.4 MB of source a second on one core here; forking the workers,
# importing libcst in them and shipping the bytes costs ~0.2 s of CPU).
POOL_MIN_BYTES = 192 * 1024
POOL_MIN_FILES = 2


@record(frozen=True)
class Job:
    index: int  # where the result goes in the run's file list
    display: str
    data: bytes
    answers_only: bool = False  # parsed for its exports only (see complete.py)
    # the project's spawn helpers its calls may name, besides the run's spawners
    # (helper_callers.py)
    extra: tuple[Spawner, ...] = ()
    # the bases of its classes defined in other modules, with those modules' bytes: analysed
    # again with what its classes inherit (run/inherited.py)
    bases: tuple[BaseSource, ...] = ()
    # a big file may be analysed from its evidence's blocks (pipeline.analyse_file), with the
    # words the run's other files may read it by (runner._Collector.finish); None: whole
    blocks: Words | None = None
    # its imports of the standard library's names through modules of the project
    # (run/stdlib_through.py)
    through: Through = ()


OnResult = Callable[[Job, FileFacts], None]


def default_jobs() -> int:
    """All the cores this process may use."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        count = os.process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:
        count = os.cpu_count()
    return max(1, count or 1)


def analyze_job(data: bytes, display: str, spawners: tuple[Spawner, ...],
                answers_only: bool = False, extra: tuple[Spawner, ...] = (),
                bases: tuple[BaseSource, ...] = (), blocks: Words | None = None,
                through: Through = ()) -> FileFacts:
    """One file in a worker (or here): the parser is imported on first use."""
    if bases:
        from taskleak.run.inherited_analysis import analyse_with_bases

        return analyse_with_bases(data, display, spawners + extra, bases, through)
    from taskleak.run.pipeline import analyse_file

    return analyse_file(data, display, spawners + extra if extra else spawners,
                        answers_only=answers_only, blocks=blocks, through=through)


# The run's spawners in a worker, given once as it starts (`_start_worker`), not with each job:
# 10,000 of them would be pickled per file, and arrive as a new tuple each time, so the
# analysis would build its spawner index (kept while the same tuple comes) for every file.
_worker_spawners: tuple[Spawner, ...] = ()


def _pool_job(data: bytes, display: str, answers_only: bool, extra: tuple[Spawner, ...],
              bases: tuple[BaseSource, ...] = (), blocks: Words | None = None,
              through: Through = ()) -> FileFacts:
    return analyze_job(data, display, _worker_spawners, answers_only, extra, bases, blocks,
                       through)


Positions = dict[int, CallPosition] | RecursionError  # a file nested too deep: its error


def _positions_job(data: bytes, ordinals: frozenset[int]) -> dict[int, CallPosition]:
    from taskleak.run.pipeline import call_positions

    return call_positions(data, set(ordinals), _worker_spawners)


def positions_here(jobs: list[tuple[bytes, set[int]]], spawners: tuple[Spawner, ...]
                   ) -> list[Positions]:
    """The call positions of several files (complete.place_calls), in this process."""
    from taskleak.run.pipeline import call_positions

    out: list[Positions] = []
    for data, ordinals in jobs:
        try:
            out.append(call_positions(data, ordinals, spawners))
        except RecursionError as exc:
            out.append(exc)
    return out


class Analyzer:
    """Takes jobs one by one during the pass; `finish` delivers every result."""

    def __init__(self, spawners: tuple[Spawner, ...], max_workers: int,
                 on_result: OnResult) -> None:
        self.spawners = spawners
        self.max_workers = max_workers
        self.on_result = on_result
        self.workers = 0  # worker processes started; 0 while everything stays here
        self._held: list[Job] = []
        self._held_bytes = 0
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict[Future[FileFacts], Job] = {}
        self._stranded: list[Job] = []  # jobs a dead pool refused: analysed here at `finish`

    def add(self, job: Job) -> None:
        if self._pool is not None:
            self._submit(job)
            return
        self._held.append(job)
        self._held_bytes += len(job.data)
        if (self.max_workers > 1 and len(self._held) >= POOL_MIN_FILES
                and self._held_bytes >= POOL_MIN_BYTES):
            self._start_pool()

    def start_now(self) -> None:
        """Start the pool before there is work (see runner.POOL_BEFORE_FILES): each worker
        imports the parser while this process is still listing files."""
        if self._pool is None and self.max_workers > 1:
            self._start_pool()
            assert self._pool is not None
            for _ in range(self.workers):  # results not awaited: a warm-up, not a job
                self._pool.submit(_import_parser)

    def finish(self) -> int:
        """Analyse what is held here, wait for the pool; returns the worker count. The pool
        stays up for more jobs (the run's second round) until `close`."""
        stranded, self._stranded = self._stranded, []
        if self._pool is None:
            held, self._held = self._held, []
            self._analyze_here([*held, *stranded])
            return 0
        done: set[int] = set()
        futures, self._futures = self._futures, {}
        try:
            for future in as_completed(futures):
                job = futures[future]
                result = future.result()
                done.add(job.index)
                self.on_result(job, result)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): finish what is left here, one by one.
            self.close()
            self._analyze_here([j for j in futures.values() if j.index not in done])
        self._analyze_here(stranded)
        return self.workers

    def positions(self, jobs: list[tuple[bytes, set[int]]]) -> list[Positions]:
        """As `positions_here`, in the pool when it runs: its workers have the parser imported,
        and big files parse side by side (on homeassistant, placing 3 calls in this process
        cost a cold run 0.6 s)."""
        if self._pool is None:
            return positions_here(jobs, self.spawners)
        out: list[Positions] = []
        futures = [self._pool.submit(_positions_job, data, frozenset(ordinals))
                   for data, ordinals in jobs]
        for future in futures:
            try:
                out.append(future.result())
            except RecursionError as exc:
                out.append(exc)
        return out

    def close(self) -> None:
        """Stop the pool (on success or error): queued jobs are dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._futures = {}

    def abort(self) -> None:
        """Stop the pool now (Ctrl-C): the workers are ended, not waited for."""
        pool = self._pool
        if pool is None:
            return
        terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
        if terminate is not None:
            terminate()
        else:
            processes = getattr(pool, "_processes", None) or {}
            for process in list(processes.values()):
                with contextlib.suppress(OSError, ValueError):
                    process.terminate()
        # the call queue's feeder thread may be blocked writing a job into the pipe the ended
        # workers no longer read; joining it on shutdown would then wait forever
        queue = getattr(pool, "_call_queue", None)
        if queue is not None:
            queue.cancel_join_thread()
        self.close()

    def _start_pool(self) -> None:
        self.workers = self.max_workers
        held, self._held = self._held, []
        with _interrupts_held():  # the workers fork on the first submit
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(),
                                             initializer=_start_worker,
                                             initargs=(self.spawners,))
            # The biggest first, so no worker is left alone with a large file at the end.
            for job in sorted(held, key=lambda j: len(j.data), reverse=True):
                self._submit(job)

    def _submit(self, job: Job) -> None:
        assert self._pool is not None
        try:
            future = self._pool.submit(_pool_job, job.data, job.display, job.answers_only,
                                       job.extra, job.bases, job.blocks, job.through)
        except BrokenProcessPool:
            # a worker died before this job was handed over (the pass still adding files):
            # `finish` analyses it here, with what the dead pool leaves
            self._stranded.append(job)
            return
        self._futures[future] = job

    def _analyze_here(self, jobs: Iterable[Job]) -> None:
        for job in jobs:
            self.on_result(job, analyze_job(job.data, job.display, self.spawners,
                                            job.answers_only, job.extra, job.bases,
                                            job.blocks, job.through))


def analyze_jobs(jobs: Iterable[Job], spawners: tuple[Spawner, ...], max_workers: int,
                 on_result: OnResult) -> int:
    """Analyse every job, calling `on_result` for each; returns the worker count (0: here)."""
    analyzer = Analyzer(spawners, max_workers, on_result)
    try:
        for job in jobs:
            analyzer.add(job)
        return analyzer.finish()
    finally:
        analyzer.close()


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT waits (blocked, then delivered here) while workers fork: they inherit the mask."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _import_parser() -> None:
    import taskleak.run.pipeline  # noqa: F401  (libcst, and taskleak's analysis)


def _start_worker(spawners: tuple[Spawner, ...]) -> None:
    """A worker's first step: Ctrl-C is the main process's to handle (it ends the pool), and
    the run's spawners are kept for its jobs."""
    global _worker_spawners
    _worker_spawners = spawners
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _context() -> multiprocessing.context.BaseContext:
    """`fork` on Linux: workers start in milliseconds, without re-importing taskleak.

    The executor forks all its workers at once, before its own management thread starts, and
    this process runs no other threads (the progress bar refreshes by hand), so forking is safe.
    Elsewhere the platform's default start method is used.
    """
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()

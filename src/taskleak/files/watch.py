"""Watching the checked paths for changes (`taskleak check --watch`), with watchfiles.

watchfiles (the `watch` extra: `pip install 'taskleak[watch]'`) waits on the system's file
events (inotify, FSEvents, ReadDirectoryChangesW) in its Rust core and batches the changes of a
burst (an editor's save, a `git checkout`) into one set, so one save is one re-check. Only
changes to what a check reads count: Python files, `pyproject.toml` and `.gitignore`.

The watcher runs on its own thread and is listening before `Watch` returns, so a change made
while the first check runs is not lost: it is the first batch.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

WATCHED_SUFFIXES = (".py", ".pyi")
WATCHED_NAMES = frozenset({"pyproject.toml", ".gitignore"})
IGNORED_DIRS = (".taskleak_cache", ".ruff_cache")
READY_TIMEOUT = 30.0  # seconds for the system watcher to start
POLL_MS = 500  # how often the watching thread looks at its stop event


class WatchUnavailable(Exception):
    """watchfiles is not installed (or cannot watch); the message says what to do."""


def _filter(base: Any) -> Any:
    """watchfiles' default filter (no `.git`, `__pycache__`, editor swap files ...), narrowed
    to the files a check reads."""

    class CheckedFiles(base):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(ignore_dirs=(*base.ignore_dirs, *IGNORED_DIRS))

        def __call__(self, change: Any, path: str) -> bool:
            name = os.path.basename(path)
            wanted = name.endswith(WATCHED_SUFFIXES) or name in WATCHED_NAMES
            return wanted and bool(super().__call__(change, path))

    return CheckedFiles()


class Watch:
    """Batches of changed files under `paths`, from a watcher started here."""

    def __init__(self, paths: Sequence[Path], *, stop: threading.Event | None = None,
                 debounce_ms: int = 300) -> None:
        try:
            import watchfiles
        except ImportError:
            raise WatchUnavailable(
                "--watch needs watchfiles: pip install watchfiles") from None
        self.stop = stop or threading.Event()
        self.batches: queue.Queue[list[str] | BaseException] = queue.Queue()
        roots = list(dict.fromkeys(str(p if p.is_dir() else p.parent)
                                   for p in (p.absolute() for p in paths)))
        ready = threading.Event()

        def run() -> None:
            try:
                for batch in watchfiles.watch(
                        *roots, watch_filter=_filter(watchfiles.DefaultFilter),
                        debounce=debounce_ms, stop_event=self.stop, raise_interrupt=False,
                        yield_on_timeout=True, rust_timeout=POLL_MS):
                    ready.set()  # the first yield (changes or a timeout): it is listening
                    if batch:
                        self.batches.put(sorted({path for _, path in batch}))
            except BaseException as exc:  # handed to the thread that iterates
                self.batches.put(exc)
            finally:
                ready.set()

        threading.Thread(target=run, name="taskleak-watch", daemon=True).start()
        if not ready.wait(READY_TIMEOUT):
            raise WatchUnavailable(f"the file watcher did not start within {READY_TIMEOUT} s")

    def __iter__(self) -> Iterator[list[str]]:
        while not self.stop.is_set():
            try:
                got = self.batches.get(timeout=POLL_MS / 1000)
            except queue.Empty:
                continue
            if isinstance(got, BaseException):
                raise WatchUnavailable(f"watching stopped: {got}") from got
            yield got

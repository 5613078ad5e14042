"""Watching the checked paths for changes (`taskleak check --watch`), with watchfiles.

watchfiles (the `watch` extra: `pip install 'taskleak[watch]'`) waits on the system's file
events (inotify, FSEvents, ReadDirectoryChangesW) in its Rust core and batches the changes of a
burst (an editor's save, a `git checkout`) into one set, so one save is one re-check. Only
changes to what a check reads count: Python files, `pyproject.toml` and `.gitignore`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import threading

WATCHED_SUFFIXES = (".py", ".pyi")
WATCHED_NAMES = frozenset({"pyproject.toml", ".gitignore"})
IGNORED_DIRS = (".taskleak_cache", ".ruff_cache")


class WatchUnavailable(Exception):
    """watchfiles is not installed; the message says how to get it."""


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


def changes(paths: Sequence[Path], *, stop: threading.Event | None = None,
            debounce_ms: int = 300) -> Iterator[list[str]]:
    """Each batch of changed files under `paths` (sorted), until `stop` is set."""
    try:
        import watchfiles
    except ImportError:
        raise WatchUnavailable(
            "--watch needs watchfiles: pip install 'taskleak[watch]'") from None
    roots = [str(p if p.is_dir() else p.parent) for p in (p.absolute() for p in paths)]
    for batch in watchfiles.watch(*dict.fromkeys(roots), watch_filter=_filter(
            watchfiles.DefaultFilter), debounce=debounce_ms, stop_event=stop,
            raise_interrupt=False):
        yield sorted({path for _, path in batch})

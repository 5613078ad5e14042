"""A progress bar on stderr for long runs in a terminal; silent everywhere else.

The bar appears only once a run has taken `DELAY` seconds (a quick run never flickers one) and is
refreshed by hand on progress, never by a background thread: the process pool forks while the
bar is up, and forking a process that runs threads is unsafe. rich's progress module is imported
only when the bar is first shown.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any, Protocol

DELAY = 0.4  # seconds before the bar shows
MIN_INTERVAL = 0.1  # seconds between two refreshes


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...

    def describe(self, text: str) -> None: ...

    def stop(self) -> None: ...


class NoProgress:
    """For pipes, files, CI logs and machine-readable formats."""

    def start(self, total: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def describe(self, text: str) -> None:
        pass

    def stop(self) -> None:
        pass


class ProgressBar:
    """`checking ━━━━━━━━━━━╸━━━━━ 7,120/10,916 files 0:00:02` on `stream`."""

    def __init__(self, stream: IO[str] | None = None, delay: float = DELAY) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.total = 0
        self.completed = 0
        self.text = "checking"
        self._started_at = 0.0
        self._last_refresh = 0.0
        self._bar: Any = None  # rich.progress.Progress, once shown
        self._task: Any = None
        self.shown = False  # whether the bar was ever displayed (for tests)

    def start(self, total: int) -> None:
        self.total = total
        self.completed = 0
        self._started_at = time.monotonic()

    def describe(self, text: str) -> None:
        self.text = text
        self._refresh(force=True)

    def advance(self, count: int = 1) -> None:
        self.completed += count
        self._refresh(force=self.completed >= self.total)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()  # transient: the bar is erased, the report follows cleanly
            self._bar = None

    def _refresh(self, force: bool = False) -> None:
        now = time.monotonic()
        if self._bar is None:
            if now - self._started_at < self.delay or self.completed >= self.total:
                return
            self._show()
        elif not force and now - self._last_refresh < MIN_INTERVAL:
            return
        self._bar.update(self._task, completed=self.completed, description=self.text)
        self._bar.refresh()
        self._last_refresh = now

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.progress import Progress as RichProgress

        console = Console(file=self.stream)
        self._bar = RichProgress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            auto_refresh=False,  # no refresh thread (see the module docstring)
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._bar.add_task(self.text, total=self.total, completed=self.completed)
        self._bar.start()
        self.shown = True


def progress_for(fmt: str, stream: IO[str] | None = None) -> Progress:
    """A bar when the report is the text table and `stream` (stderr) is a terminal."""
    stream = stream if stream is not None else sys.stderr
    isatty = getattr(stream, "isatty", None)
    if fmt == "text" and isatty is not None and isatty():
        return ProgressBar(stream)
    return NoProgress()

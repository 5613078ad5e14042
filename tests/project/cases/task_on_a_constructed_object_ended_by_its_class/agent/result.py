"""The result of a run: it owns the task that produces its events, and cancels it."""

from __future__ import annotations

import asyncio


class StreamedResult:
    def __init__(self) -> None:
        self.run_task: asyncio.Task[None] | None = None

    def cancel(self) -> None:
        if self.run_task is not None and not self.run_task.done():
            self.run_task.cancel()

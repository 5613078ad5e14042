"""Keeps its one background task and cancels it on close."""

from __future__ import annotations

import asyncio

from events import schedule


class Worker:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = schedule(self._run())

    async def _run(self) -> None:
        await asyncio.sleep(1)

    def close(self) -> None:
        if self._task is not None:
            self._task.cancel()

"""Connection base: owns the tasks it spawns through _spawn()."""
from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any


class ManagedConnection:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self._tasks: list[asyncio.Task[Any]] = []
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.create_task(coro)
        self._tasks.append(task)
        return task

    async def open(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
        if self._writer is not None:
            self._writer.close()
            await self._writer.wait_closed()

"""What awaiting another module's coroutine function gives is a task, judged where it goes:
kept and never ended (medium), kept and cancelled (low); the function that returns no task
gives its callers none (its own spawn is the row)."""

import asyncio

from app.spawning import spawn, start, start_and_forget


class Client:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None
        self._writer: asyncio.Task[None] | None = None

    async def open(self) -> None:
        self._reader = await spawn(self._read())
        self._writer = await start(self._write())
        await start_and_forget(self._write())

    def close(self) -> None:
        if self._writer is not None:
            self._writer.cancel()

    async def _read(self) -> None:
        await asyncio.sleep(1)

    async def _write(self) -> None:
        await asyncio.sleep(1)

"""A listener whose way out reconnects: it calls open() again (retrying until it connects),
which starts the next listener and the next heartbeat. open() runs once more each time the
listener it starts gets there. The listener it replaces is the one making that call,
on its way out: no overwrite of a running task (TL001). The heartbeat it replaces is another
task, still running its loop: overwritten without a cancel (TL103), re-spawned on every
reconnect."""

import asyncio
from typing import Any


class Client:
    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self._closed = False
        self._listen_task: asyncio.Task[None] | None = None
        self._heartbeat: asyncio.Task[None] | None = None

    async def open(self) -> None:
        await self._ws.connect()
        self._heartbeat = asyncio.create_task(self._beat())
        self._listen_task = asyncio.create_task(self._listen())

    async def _beat(self) -> None:
        while not self._closed:
            await asyncio.sleep(5)

    async def _listen(self) -> None:
        try:
            async for message in self._ws:
                print(message)
        finally:
            while not self._closed:
                try:
                    await self.open()
                    break
                except OSError:
                    await asyncio.sleep(1)

    async def close(self) -> None:
        self._closed = True
        for task in (self._heartbeat, self._listen_task):
            if task is not None:
                task.cancel()

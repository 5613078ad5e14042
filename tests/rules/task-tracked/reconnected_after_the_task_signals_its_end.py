"""A supervisor reconnects only once the heartbeat it replaces has said, as its last step, that
the link is lost (`self._link_lost.set()`, then `return`): the store finds that task ended, no
overwrite. The near miss, `LeakyConnection`, sets the event and beats on: the reconnect stores a
second heartbeat over the running one."""

import asyncio


class Connection:
    def __init__(self, host: str) -> None:
        self._host = host
        self._writer: asyncio.StreamWriter | None = None
        self._beat_task: asyncio.Task[None] | None = None
        self._supervisor: asyncio.Task[None] | None = None
        self._link_lost = asyncio.Event()

    async def open(self) -> None:
        await self._connect()
        self._supervisor = asyncio.create_task(self._supervise())

    async def _connect(self) -> None:
        _, self._writer = await asyncio.open_connection(self._host, 5672)
        self._beat_task = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(30)
            try:
                assert self._writer is not None
                self._writer.write(b"\x08")
                await self._writer.drain()
            except ConnectionError:
                self._link_lost.set()
                return

    async def _supervise(self) -> None:
        while True:
            await self._link_lost.wait()
            self._link_lost.clear()
            await self._connect()

    async def close(self) -> None:
        for task in (self._supervisor, self._beat_task):
            if task is not None:
                task.cancel()


class LeakyConnection:
    def __init__(self, host: str) -> None:
        self._host = host
        self._writer: asyncio.StreamWriter | None = None
        self._beat_task: asyncio.Task[None] | None = None
        self._supervisor: asyncio.Task[None] | None = None
        self._link_lost = asyncio.Event()

    async def open(self) -> None:
        await self._connect()
        self._supervisor = asyncio.create_task(self._supervise())

    async def _connect(self) -> None:
        _, self._writer = await asyncio.open_connection(self._host, 5672)
        self._beat_task = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(30)
            try:
                assert self._writer is not None
                self._writer.write(b"\x08")
                await self._writer.drain()
            except ConnectionError:
                self._link_lost.set()

    async def _supervise(self) -> None:
        while True:
            await self._link_lost.wait()
            self._link_lost.clear()
            await self._connect()

    async def close(self) -> None:
        for task in (self._supervisor, self._beat_task):
            if task is not None:
                task.cancel()

"""A line protocol answers each chunk with a reply task: data_received runs for every chunk, and
the reply in flight is replaced without being cancelled; connection_made runs once per
connection, so its keep-alive is no overwrite."""

import asyncio


class LineProtocol(asyncio.Protocol):
    def __init__(self) -> None:
        self._reply: asyncio.Task[None] | None = None
        self._keepalive: asyncio.Task[None] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._keepalive = asyncio.create_task(self._ping())

    def data_received(self, data: bytes) -> None:
        self._reply = asyncio.create_task(self._answer(data))

    def connection_lost(self, exc: Exception | None) -> None:
        for task in (self._reply, self._keepalive):
            if task is not None:
                task.cancel()

    async def _answer(self, data: bytes) -> None:
        await asyncio.sleep(0)

    async def _ping(self) -> None:
        await asyncio.sleep(30)

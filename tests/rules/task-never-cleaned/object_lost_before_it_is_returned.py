"""A voice chat's connection object gets its speaking and heartbeat loops (each `while True`)
before `join()` returns it; `stop()` cancels both. Between the spawns and the `return`, `await
self._answer(...)` can fail or be cancelled: the connection is then lost, with both loops
running for good (medium). The near misses: `join_registered()` keeps the connection in
`self._connections` before the spawns, so a failure after them leaves it held, and
`join_unsubscribed()` hands it on in a closure kept as an unsubscribe (which stops it);
`join_short()` spawns a loop that ends by itself, which a failure only leaves to finish
(low)."""

import asyncio
from collections.abc import Awaitable, Callable


class Connection:
    def __init__(self) -> None:
        self._speaking: asyncio.Task[None] | None = None
        self._heartbeat: asyncio.Task[None] | None = None

    async def stop(self) -> None:
        for task in (self._speaking, self._heartbeat):
            if task is not None:
                task.cancel()


class VoiceClient:
    def __init__(self) -> None:
        self._connections: list[Connection] = []
        self._unsubscribes: list[Callable[[], Awaitable[None]]] = []

    async def _speak(self) -> None:
        while True:
            await asyncio.sleep(0.02)

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(10)

    async def _greet(self) -> None:
        await asyncio.sleep(1)

    async def _answer(self, sdp: str) -> None:
        await asyncio.sleep(0)

    async def join(self, sdp: str) -> Connection:
        connection = Connection()
        connection._speaking = asyncio.create_task(self._speak())
        connection._heartbeat = asyncio.create_task(self._beat())
        await self._answer(sdp)
        return connection

    async def join_registered(self, sdp: str) -> Connection:
        connection = Connection()
        self._connections.append(connection)
        connection._speaking = asyncio.create_task(self._speak())
        await self._answer(sdp)
        return connection

    async def join_short(self, sdp: str) -> Connection:
        connection = Connection()
        connection._speaking = asyncio.create_task(self._greet())
        await self._answer(sdp)
        return connection

    async def join_unsubscribed(self, sdp: str) -> Connection:
        connection = Connection()

        async def unsubscribe() -> None:
            await connection.stop()

        self._unsubscribes.append(unsubscribe)
        connection._speaking = asyncio.create_task(self._speak())
        await self._answer(sdp)
        return connection

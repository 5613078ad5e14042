"""A session's pump runs until `close()` cancels it. `TlsSession` replaces `close()` with one
of its own that only closes its socket, and no `super().close()`: a TLS session's way out
never ends the pump. The near misses: `PlainSession` replaces `close()` and calls
`super().close()`; `QuicSession` replaces it and cancels the pump itself; `PooledSession`
replaces it with one that ends the pump through a method of its own (`_stop_pump()`, itself
close-like by its name, which ends it: no way out that skips the end)."""

import asyncio


class Session:
    def __init__(self, reader: asyncio.StreamReader) -> None:
        self._reader = reader
        self._pump_task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._pump_task = asyncio.create_task(self._pump())

    async def _pump(self) -> None:
        while True:
            await self._reader.read(1024)

    async def close(self) -> None:
        if self._pump_task is not None:
            self._pump_task.cancel()


class TlsSession(Session):
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        super().__init__(reader)
        self._writer = writer

    async def close(self) -> None:
        self._writer.close()


class PlainSession(Session):
    async def close(self) -> None:
        await super().close()


class QuicSession(Session):
    async def close(self) -> None:
        if self._pump_task is not None:
            self._pump_task.cancel()


class PooledSession(Session):
    async def close(self) -> None:
        self._stop_pump()

    def _stop_pump(self) -> None:
        if self._pump_task is not None:
            self._pump_task.cancel()

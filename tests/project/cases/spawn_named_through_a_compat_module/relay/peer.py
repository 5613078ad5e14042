"""A relay peer that spawns through the package's compat module only: each spawn is asyncio's
(the compat module imports it from asyncio), so each is judged as if asyncio were imported
here. The reader is kept and ended by close(); the per-message handler and the broadcast are
dropped; the heartbeat is kept and never ended."""

from . import compat
from .compat import asyncio, create_task, ensure_future


class Peer:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None
        self._heartbeat: asyncio.Future[None] | None = None

    def open(self) -> None:
        self._reader = create_task(self._read())
        self._heartbeat = ensure_future(self._beat())

    async def _read(self) -> None:
        while True:
            message = await self._next()
            asyncio.create_task(self._handle(message))

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(10)

    async def _next(self) -> str:
        await asyncio.sleep(1)
        return "ping"

    async def _handle(self, message: str) -> None:
        compat.aio.gather(self._send(message), self._send(message.upper()))

    async def _send(self, message: str) -> None:
        await asyncio.sleep(0)

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()

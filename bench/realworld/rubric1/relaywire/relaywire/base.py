"""Abstract relay session: pumps frames from the wire into an inbox."""
from __future__ import annotations

import abc
import asyncio
import contextlib


class Session(abc.ABC):
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.inbox: asyncio.Queue[bytes] = asyncio.Queue(maxsize=256)
        self._pump_task: asyncio.Task[None] | None = None

    @abc.abstractmethod
    async def handshake(self) -> None:
        """Negotiate the session; raise on failure."""

    async def start(self) -> None:
        await self.handshake()
        self._pump_task = asyncio.create_task(self._pump())

    async def _pump(self) -> None:
        while True:
            header = await self.reader.readexactly(4)
            size = int.from_bytes(header, "big")
            await self.inbox.put(await self.reader.readexactly(size))

    async def close(self) -> None:
        if self._pump_task is not None:
            self._pump_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pump_task
            self._pump_task = None
        self.writer.close()

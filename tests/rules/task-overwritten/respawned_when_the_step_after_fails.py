"""A client's reconnect loop starts its reader, then flushes: when the flush fails, the loop goes
round and starts a second reader over the first, still running (TL103). The near miss starts
the reader only once the connection is set up, right before it leaves the loop."""

import asyncio
from typing import Any


class Client:
    def __init__(self, transport: Any) -> None:
        self._transport = transport
        self._reader: asyncio.Task[None] | None = None

    async def _read_loop(self) -> None:
        await self._transport.read()

    async def connect(self) -> None:
        while True:
            try:
                await self._transport.open()
                self._reader = asyncio.create_task(self._read_loop())
                await self._transport.flush()
                break
            except OSError:
                await asyncio.sleep(1)

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()


class CarefulClient:
    def __init__(self, transport: Any) -> None:
        self._transport = transport
        self._reader: asyncio.Task[None] | None = None

    async def _read_loop(self) -> None:
        await self._transport.read()

    async def connect(self) -> None:
        while True:
            try:
                await self._transport.open()
                await self._transport.flush()
                self._reader = asyncio.create_task(self._read_loop())
                break
            except OSError:
                await asyncio.sleep(1)

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()

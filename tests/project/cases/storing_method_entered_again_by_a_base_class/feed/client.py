"""`FeedClient._start()` stores a reader over the one it held: its base class's retry loop, in
another module, calls it again when the handshake fails, with the first reader still running
(TL103). `CarefulClient` stores the same way, but its base cancels the reader before each
retry: the store replaces only a cancelled task."""

from __future__ import annotations

import asyncio
from typing import Any

from feed.base import CarefulBase, FeedBase


class FeedClient(FeedBase):
    def __init__(self, link: Any) -> None:
        self._link = link

    async def _read_loop(self) -> None:
        while True:
            print(await self._link.read())

    async def _start(self) -> None:
        await self._link.open()
        self._reader = asyncio.create_task(self._read_loop())

    async def _handshake(self) -> None:
        await self._link.send({"op": "hello"})

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()


class CarefulClient(CarefulBase):
    def __init__(self, link: Any) -> None:
        self._link = link

    async def _read_loop(self) -> None:
        while True:
            print(await self._link.read())

    async def _start(self) -> None:
        await self._link.open()
        self._reader = asyncio.create_task(self._read_loop())

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()

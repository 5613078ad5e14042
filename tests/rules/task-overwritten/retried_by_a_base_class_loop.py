"""A base class connects in a retry loop that calls `self._start()`, which its subclass
overrides to store a reader over the one it held: when the handshake after it fails, the loop
goes round and the subclass's `_start()` stores a second reader over the first, still running
(TL103). The near miss's base cancels the reader in its handler before it goes round."""

from __future__ import annotations

import asyncio
from typing import Any


class FeedBase:
    _reader: asyncio.Task[None] | None = None

    async def _start(self) -> None:
        raise NotImplementedError

    async def _handshake(self) -> None:
        raise NotImplementedError

    async def connect(self) -> None:
        while True:
            try:
                await self._start()
                await self._handshake()
                break
            except OSError:
                await asyncio.sleep(1)


class CarefulBase:
    _reader: asyncio.Task[None] | None = None
    _link: Any = None

    async def _start(self) -> None:
        raise NotImplementedError

    async def connect(self) -> None:
        while True:
            try:
                await self._start()
                await self._link.handshake()
                break
            except OSError:
                if self._reader is not None:
                    self._reader.cancel()
                await asyncio.sleep(1)





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

"""A client's connect loop retries until its handshake goes through: `_start()` opens the link and
starts a reader and a pinger, then `_handshake()` may fail, and the loop goes round and calls
`_start()` again, which stores a new reader and pinger over the ones still running (TL103).
The near miss starts its loops only after the handshake, last before the loop is left: a turn
that fails stored nothing, and the call that stores is never followed by another."""

import asyncio
from typing import Any


class FeedClient:
    def __init__(self, link: Any) -> None:
        self._link = link
        self._reader: asyncio.Task[None] | None = None
        self._pinger: asyncio.Task[None] | None = None

    async def _read_loop(self) -> None:
        while True:
            frame = await self._link.read()
            print("frame", frame)

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(15)
            await self._link.ping()

    async def _start(self) -> None:
        await self._link.open()
        self._reader = asyncio.create_task(self._read_loop())
        self._pinger = asyncio.create_task(self._ping_loop())

    async def _handshake(self) -> None:
        await self._link.send({"op": "hello"})
        await self._link.expect("welcome")

    async def connect(self) -> None:
        while True:
            try:
                await self._start()
                await self._handshake()
                break
            except OSError:
                await asyncio.sleep(1)

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        if self._pinger is not None:
            self._pinger.cancel()


class CarefulFeedClient:
    def __init__(self, link: Any) -> None:
        self._link = link
        self._reader: asyncio.Task[None] | None = None
        self._pinger: asyncio.Task[None] | None = None

    async def _read_loop(self) -> None:
        while True:
            frame = await self._link.read()
            print("frame", frame)

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(15)
            await self._link.ping()

    async def _start(self) -> None:
        self._reader = asyncio.create_task(self._read_loop())
        self._pinger = asyncio.create_task(self._ping_loop())

    async def _handshake(self) -> None:
        await self._link.open()
        await self._link.send({"op": "hello"})
        await self._link.expect("welcome")

    async def connect(self) -> None:
        while True:
            try:
                await self._handshake()
                await self._start()
                break
            except OSError:
                await asyncio.sleep(1)

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
        if self._pinger is not None:
            self._pinger.cancel()

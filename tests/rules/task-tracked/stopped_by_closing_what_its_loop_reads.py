"""A websocket reader kept by its owner, whose loop only reads the socket: `close()` closes the
socket, the `async for` over it stops (or the awaited `recv()` raises, with nothing in the loop
to catch it), and the task ends (low, "stopped by close() through self._ws.close()"). Near
misses (medium, the reader runs until cancelled and nothing cancels it): a reconnect loop that
binds a new socket to the attribute and reads it again, and a loop whose `except` catches the
read's error and goes round again (a reader that restarts the session when the read fails:
`restarted_after_its_stop`)."""

import asyncio
from typing import Any


class Feed:
    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self._reader: asyncio.Task[None] | None = None

    async def open(self) -> None:
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for msg in self._ws:
            print(msg)

    async def close(self) -> None:
        await self._ws.close()


class Poller:
    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self._reader: asyncio.Task[None] | None = None

    async def open(self) -> None:
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        while True:
            msg = await self._ws.recv()
            for part in msg:
                print(part)

    async def close(self) -> None:
        await self._ws.close()


class Reconnecting:
    def __init__(self, connect: Any) -> None:
        self._connect = connect
        self._ws: Any = None
        self._reader: asyncio.Task[None] | None = None

    async def open(self) -> None:
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        while True:
            self._ws = await self._connect()
            async for msg in self._ws:
                print(msg)

    async def close(self) -> None:
        await self._ws.close()


class Swallowing:
    def __init__(self, ws: Any) -> None:
        self._ws = ws
        self._reader: asyncio.Task[None] | None = None

    async def open(self) -> None:
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        while True:
            try:
                msg = await self._ws.recv()
            except Exception:
                await asyncio.sleep(1)
                continue
            print(msg)

    async def close(self) -> None:
        await self._ws.close()

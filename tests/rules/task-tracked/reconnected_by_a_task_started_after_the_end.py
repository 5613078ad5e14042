"""aiomqttc's client: a lost link is handled in one place, `_lost()`, which cancels the reader and
the pinger and then starts `_reconnect()` as a task, whose `connect()` stores new ones. The task
that enters `connect()` again is started only after both holders are ended, so no running task is
left behind: low. The near miss's `_lost()` ends only the reader before it starts the reconnect:
the pinger it replaces goes on running (TL103). `connected` is no guard in either: the pinger
clears it without ending the reader."""

import asyncio
from typing import Any


class Client:
    def __init__(self, link: Any) -> None:
        self.link = link
        self.connected = False
        self.retries: set[asyncio.Task[None]] = set()
        self.reader: asyncio.Task[None] | None = None
        self.pinger: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        if self.connected:
            return
        try:
            await self.link.open()
        except OSError:
            await self._lost()
            return
        self.connected = True
        self.reader = asyncio.create_task(self._read())
        self.pinger = asyncio.create_task(self._ping())

    async def _read(self) -> None:
        while self.connected:
            data = await self.link.read()
            if not data:
                await self._lost()
                return
            print(data)

    async def _ping(self) -> None:
        while self.connected:
            await asyncio.sleep(10)
            if not await self.link.send(b"ping"):
                self.connected = False  # the reader may still be reading: not an end of it
                break

    async def _lost(self) -> None:
        self.connected = False
        for task in (self.reader, self.pinger):
            if task is not None:
                task.cancel()
        self.reader = self.pinger = None
        retry = asyncio.create_task(self._reconnect())
        self.retries.add(retry)
        retry.add_done_callback(self.retries.discard)

    async def _reconnect(self) -> None:
        await asyncio.sleep(1)
        await self.connect()

    async def close(self) -> None:
        for task in (self.reader, self.pinger, *self.retries):
            if task is not None:
                task.cancel()


class CarelessClient:
    def __init__(self, link: Any) -> None:
        self.link = link
        self.connected = False
        self.retries: set[asyncio.Task[None]] = set()
        self.reader: asyncio.Task[None] | None = None
        self.pinger: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        if self.connected:
            return
        try:
            await self.link.open()
        except OSError:
            await self._lost()
            return
        self.connected = True
        self.reader = asyncio.create_task(self._read())
        self.pinger = asyncio.create_task(self._ping())

    async def _read(self) -> None:
        while self.connected:
            data = await self.link.read()
            if not data:
                await self._lost()
                return
            print(data)

    async def _ping(self) -> None:
        while self.connected:
            await asyncio.sleep(10)
            if not await self.link.send(b"ping"):
                self.connected = False  # the reader may still be reading: not an end of it
                break

    async def _lost(self) -> None:
        self.connected = False
        if self.reader is not None:
            self.reader.cancel()
        retry = asyncio.create_task(self._reconnect())
        self.retries.add(retry)
        retry.add_done_callback(self.retries.discard)

    async def _reconnect(self) -> None:
        await asyncio.sleep(1)
        await self.connect()

    async def close(self) -> None:
        for task in (self.reader, self.pinger, *self.retries):
            if task is not None:
                task.cancel()

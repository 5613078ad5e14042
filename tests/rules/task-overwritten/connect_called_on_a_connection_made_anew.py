"""Channels that reconnect: each start ends the connection it holds, makes a new one and calls
its `connect()`, which stores the connection's reader in `self._reader` with no cancel of what
it held; a failed start schedules a reconnect, whose task starts again. Each store is into the
connection that start just made, and the one it replaces was disconnected (its reader
cancelled) first, so no reader is overwritten while it runs: low. The near misses: `Sticky`
makes its `Link` once, in `__init__`, and reconnects the same object, whose `connect()` stores
a new pinger over the one it held, still running; `Careless` makes a new `Socket` each start
without ending the one it replaces, whose pump runs on: TL103 both."""

import asyncio


class Connection:
    def __init__(self, url: str) -> None:
        self.url = url
        self._reader: asyncio.Task[None] | None = None

    async def connect(self) -> bool:
        self._reader = asyncio.create_task(self._read())
        return True

    async def disconnect(self) -> None:
        if self._reader is not None:
            self._reader.cancel()

    async def _read(self) -> None:
        while True:
            await asyncio.sleep(1)


class Channel:
    def __init__(self, url: str) -> None:
        self.url = url
        self._primary: Connection | None = None
        self._backup: Connection | None = None
        self._retries: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        for conn in (self._primary, self._backup):
            if conn is not None:
                await conn.disconnect()
        self._primary = Connection(self.url)
        self._backup = Connection(self.url)
        if not await self._primary.connect() or not await self._backup.connect():
            self._schedule_reconnect()

    def _schedule_reconnect(self) -> None:
        task = asyncio.create_task(self._reconnect())
        self._retries.add(task)
        task.add_done_callback(self._retries.discard)

    async def _reconnect(self) -> None:
        await asyncio.sleep(1)
        await self.start()


class Link:
    def __init__(self, url: str) -> None:
        self.url = url
        self._pinger: asyncio.Task[None] | None = None

    async def connect(self) -> bool:
        self._pinger = asyncio.create_task(self._ping())
        return True

    async def disconnect(self) -> None:
        if self._pinger is not None:
            self._pinger.cancel()

    async def _ping(self) -> None:
        while True:
            await asyncio.sleep(1)


class Sticky:
    def __init__(self, url: str) -> None:
        self._link = Link(url)
        self._retries: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        if not await self._link.connect():
            self._schedule_reconnect()

    def _schedule_reconnect(self) -> None:
        task = asyncio.create_task(self._reconnect())
        self._retries.add(task)
        task.add_done_callback(self._retries.discard)

    async def _reconnect(self) -> None:
        await asyncio.sleep(1)
        await self.start()


class Socket:
    def __init__(self, url: str) -> None:
        self.url = url
        self._pump: asyncio.Task[None] | None = None

    async def connect(self) -> bool:
        self._pump = asyncio.create_task(self._run())
        return True

    async def disconnect(self) -> None:
        if self._pump is not None:
            self._pump.cancel()

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)


class Careless:
    def __init__(self, url: str) -> None:
        self.url = url
        self._socket: Socket | None = None
        self._retries: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._socket = Socket(self.url)
        if not await self._socket.connect():
            self._schedule_reconnect()

    def _schedule_reconnect(self) -> None:
        task = asyncio.create_task(self._reconnect())
        self._retries.add(task)
        task.add_done_callback(self._retries.discard)

    async def _reconnect(self) -> None:
        await asyncio.sleep(1)
        await self.start()

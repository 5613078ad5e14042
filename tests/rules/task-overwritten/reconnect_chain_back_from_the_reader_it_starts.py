"""A reconnect that comes back round through a chain of callers from a task the storing method
starts: `_attempt()` stores a reader and a ping loop; the reader's way out on an error calls
`_on_error()`, which starts `_reconnect()`, which retries `_attempt()`, storing a new ping loop
over the one still running (TL103 medium: a rare event, a reconnect). The reader that asks and
then ends is replaced, not left behind (low). Near misses, low: a reconnect that ends the old
tasks first (`disconnect()` before retrying), and a reader whose way out reconnects nothing (the
reconnect left to a user's call), and a ping that ends by itself (it has ended, or ends with
its connection, by the time the next one is stored: conventions 4 and 5)."""

import asyncio


class Client:
    def __init__(self) -> None:
        self._reader_task: asyncio.Task[None] | None = None
        self._ping_task: asyncio.Task[None] | None = None
        self._reconnect_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self._connect_with_backoff()

    async def _connect_with_backoff(self) -> None:
        while True:
            try:
                await self._attempt()
                return
            except OSError:
                await asyncio.sleep(1)

    async def _attempt(self) -> None:
        self._reader_task = asyncio.create_task(self._reader())
        self._ping_task = asyncio.create_task(self._ping())

    async def _reader(self) -> None:
        try:
            while True:
                await asyncio.sleep(1)
        except OSError:
            await self._on_error()

    async def _on_error(self) -> None:
        await self._start_reconnect()

    async def _start_reconnect(self) -> None:
        if self._reconnect_task is not None and not self._reconnect_task.done():
            return
        self._reconnect_task = asyncio.create_task(self._reconnect())

    async def _reconnect(self) -> None:
        await self._connect_with_backoff()

    async def _ping(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def disconnect(self) -> None:
        for task in (self._reader_task, self._ping_task, self._reconnect_task):
            if task is not None:
                task.cancel()


class CleanClient:
    def __init__(self) -> None:
        self._reader_task: asyncio.Task[None] | None = None
        self._ping_task: asyncio.Task[None] | None = None
        self._reconnect_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self._connect_with_backoff()

    async def _connect_with_backoff(self) -> None:
        while True:
            try:
                await self._attempt()
                return
            except OSError:
                await asyncio.sleep(1)

    async def _attempt(self) -> None:
        self._reader_task = asyncio.create_task(self._reader())
        self._ping_task = asyncio.create_task(self._ping())

    async def _reader(self) -> None:
        try:
            while True:
                await asyncio.sleep(1)
        except OSError:
            await self._on_error()

    async def _on_error(self) -> None:
        await self._start_reconnect()

    async def _start_reconnect(self) -> None:
        if self._reconnect_task is not None and not self._reconnect_task.done():
            return
        self._reconnect_task = asyncio.create_task(self._reconnect())

    async def _reconnect(self) -> None:
        await self.disconnect()
        await self._connect_with_backoff()

    async def _ping(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def disconnect(self) -> None:
        for task in (self._reader_task, self._ping_task, self._reconnect_task):
            if task is not None:
                task.cancel()


class QuietClient:
    def __init__(self) -> None:
        self._reader_task: asyncio.Task[None] | None = None
        self._ping_task: asyncio.Task[None] | None = None
        self._reconnect_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self._connect_with_backoff()

    async def _connect_with_backoff(self) -> None:
        while True:
            try:
                await self._attempt()
                return
            except OSError:
                await asyncio.sleep(1)

    async def _attempt(self) -> None:
        self._reader_task = asyncio.create_task(self._reader())
        self._ping_task = asyncio.create_task(self._ping())

    async def _reader(self) -> None:
        try:
            while True:
                await asyncio.sleep(1)
        except OSError:
            return

    async def _on_error(self) -> None:
        await self._start_reconnect()

    async def _start_reconnect(self) -> None:
        if self._reconnect_task is not None and not self._reconnect_task.done():
            return
        self._reconnect_task = asyncio.create_task(self._reconnect())

    async def _reconnect(self) -> None:
        await self._connect_with_backoff()

    async def _ping(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def disconnect(self) -> None:
        for task in (self._reader_task, self._ping_task, self._reconnect_task):
            if task is not None:
                task.cancel()


class OneShotClient:
    def __init__(self) -> None:
        self._reader_task: asyncio.Task[None] | None = None
        self._ping_task: asyncio.Task[None] | None = None
        self._reconnect_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await self._connect_with_backoff()

    async def _connect_with_backoff(self) -> None:
        while True:
            try:
                await self._attempt()
                return
            except OSError:
                await asyncio.sleep(1)

    async def _attempt(self) -> None:
        self._reader_task = asyncio.create_task(self._reader())
        self._ping_task = asyncio.create_task(self._ping())

    async def _reader(self) -> None:
        try:
            while True:
                await asyncio.sleep(1)
        except OSError:
            await self._on_error()

    async def _on_error(self) -> None:
        await self._start_reconnect()

    async def _start_reconnect(self) -> None:
        if self._reconnect_task is not None and not self._reconnect_task.done():
            return
        self._reconnect_task = asyncio.create_task(self._reconnect())

    async def _reconnect(self) -> None:
        await self._connect_with_backoff()

    async def _ping(self) -> None:
        await asyncio.sleep(5)

    async def disconnect(self) -> None:
        for task in (self._reader_task, self._ping_task, self._reconnect_task):
            if task is not None:
                task.cancel()

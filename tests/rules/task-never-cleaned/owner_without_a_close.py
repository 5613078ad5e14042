"""A bot SDK's storage (async-zulip-bot-sdk, dev42): the storage makes a cache of its own when
asked (`_AutoCache(...) if auto_cache else None`), whose flush loop runs while a flag is set and
only the cache's `stop()` ends; the storage has no close-like method and never calls `stop()`:
every storage let go leaves its flush loop running (medium). A class made under a private name
is made all the same: the name's spelling decides nothing.

The near misses: a registry whose poller the module's own `shutdown()` stops through the
registry's attribute (`registry.poller.stop_polling()`: reached that way, low; a call of an end
method's name on any object but a method's own `self` counts, in any module, since the object
is not typed); a store whose own writer finishes by itself (low: only late); an owner with a
close that calls the end (low)."""

import asyncio


class _AutoCache:
    def __init__(self, interval: float) -> None:
        self._interval = interval
        self._running = False
        self._task: asyncio.Task[None] | None = None

    async def ensure_started(self) -> None:
        if self._task and not self._task.done():
            return
        self._running = True
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while self._running:
            await asyncio.sleep(self._interval)

    async def stop(self) -> None:
        self._running = False
        if self._task:
            self._task.cancel()


class BotStorage:
    def __init__(self, auto_cache: bool = False) -> None:
        self._auto_cache = _AutoCache(5.0) if auto_cache else None

    async def get(self, key: str) -> str:
        if self._auto_cache is not None:
            await self._auto_cache.ensure_started()
        return key


class Poller:
    def __init__(self) -> None:
        self._task = asyncio.create_task(self._poll())

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(1)

    def stop_polling(self) -> None:
        self._task.cancel()


class Registry:
    def __init__(self) -> None:
        self.poller = Poller()


async def shutdown(registry: Registry) -> None:
    registry.poller.stop_polling()


class Writer:
    def __init__(self) -> None:
        self._task = asyncio.create_task(self._write())

    async def _write(self) -> None:
        await asyncio.sleep(1)

    def close(self) -> None:
        self._task.cancel()


class Store:
    def __init__(self) -> None:
        self.writer = Writer()


class Ticker:
    def __init__(self) -> None:
        self._task = asyncio.create_task(self._tick())

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(1)

    def halt(self) -> None:
        self._task.cancel()


class Clock:
    def __init__(self) -> None:
        self.ticker = Ticker()

    def close(self) -> None:
        self.ticker.halt()

"""A chat client's `watch()` starts a poll loop (`while True`) and keeps it in
`self._watchers`; only `unwatch_all()` cancels them, a method nothing in the program calls, and
the client's way out, `close()`, does not call it: a closed client's pollers poll on (medium).
The near misses, each low: `Feed.close()` calls its `unwatch_all()`; `Board` has no way out of
its own (no close that skips the end is known); `Ticker.watch()`'s task ends by itself (a
close that skips its end leaves it to finish); `Monitor.stop_watching()` is called by the
program's `shutdown()` (its end is reached another way)."""

import asyncio


async def poll() -> None:
    while True:
        await asyncio.sleep(1)


class Client:
    def __init__(self) -> None:
        self._watchers: list[asyncio.Task[None]] = []
        self._open = True

    def watch(self) -> asyncio.Task[None]:
        task = asyncio.create_task(poll())
        self._watchers.append(task)
        return task

    def unwatch_all(self) -> None:
        for task in self._watchers:
            task.cancel()
        self._watchers = []

    async def close(self) -> None:
        self._open = False


class Feed:
    def __init__(self) -> None:
        self._watchers: list[asyncio.Task[None]] = []

    def watch(self) -> asyncio.Task[None]:
        task = asyncio.create_task(poll())
        self._watchers.append(task)
        return task

    def unwatch_all(self) -> None:
        for task in self._watchers:
            task.cancel()
        self._watchers = []

    async def close(self) -> None:
        self.unwatch_all()


class Board:
    def __init__(self) -> None:
        self._watchers: list[asyncio.Task[None]] = []

    def watch(self) -> asyncio.Task[None]:
        task = asyncio.create_task(poll())
        self._watchers.append(task)
        return task

    def unwatch_all(self) -> None:
        for task in self._watchers:
            task.cancel()
        self._watchers = []


class Ticker:
    def __init__(self) -> None:
        self._watchers: list[asyncio.Task[None]] = []

    def watch(self) -> asyncio.Task[None]:
        task = asyncio.create_task(asyncio.sleep(5))
        self._watchers.append(task)
        return task

    def unwatch_all(self) -> None:
        for task in self._watchers:
            task.cancel()
        self._watchers = []

    async def close(self) -> None:
        pass


class Monitor:
    def __init__(self) -> None:
        self._watchers: list[asyncio.Task[None]] = []

    def watch(self) -> asyncio.Task[None]:
        task = asyncio.create_task(poll())
        self._watchers.append(task)
        return task

    def stop_watching(self) -> None:
        for task in self._watchers:
            task.cancel()
        self._watchers = []

    async def close(self) -> None:
        pass


async def shutdown(monitor: Monitor) -> None:
    monitor.stop_watching()
    await monitor.close()

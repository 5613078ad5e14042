"""A bot's `_spawn()` starts each handler through a wrapper and returns the task; the wrapper's
first step adds its own task (`asyncio.current_task()`) to the bot's `_tasks` set, which `run()`
gathers on its way out (pyasyncbot's `Bot._create_bot_task`): callers that drop what `_spawn()`
returns lose nothing, as the task keeps itself where it is ended. Near misses: a wrapper that adds
itself to a set nothing ends (the set keeps every task and only grows: TL202 at the spawn, its
callers no rows), and one that adds itself to another object's set (not followed: its callers'
dropped tasks are rows)."""

import asyncio
from collections.abc import Awaitable


class Registry:
    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[None]] = set()


class Bot:
    def __init__(self, registry: Registry) -> None:
        self._tasks: set[asyncio.Task[None]] = set()
        self._seen: set[asyncio.Task[None]] = set()
        self._registry = registry

    async def _wrapped(self, coro: Awaitable[None]) -> None:
        task = asyncio.current_task()
        self._tasks.add(asyncio.current_task())  # type: ignore[arg-type]
        try:
            await coro
        finally:
            self._tasks.discard(task)  # type: ignore[arg-type]

    def _spawn(self, coro: Awaitable[None]) -> asyncio.Task[None]:
        return asyncio.get_running_loop().create_task(self._wrapped(coro))

    async def _counted(self, coro: Awaitable[None]) -> None:
        self._seen.add(asyncio.current_task())  # type: ignore[arg-type]
        await coro

    def spawn_counted(self, coro: Awaitable[None]) -> asyncio.Task[None]:
        return asyncio.get_running_loop().create_task(self._counted(coro))

    async def _elsewhere(self, coro: Awaitable[None]) -> None:
        self._registry.tasks.add(asyncio.current_task())  # type: ignore[arg-type]
        await coro

    def spawn_elsewhere(self, coro: Awaitable[None]) -> asyncio.Task[None]:
        return asyncio.get_running_loop().create_task(self._elsewhere(coro))

    async def handle(self, text: str) -> None:
        print(text)

    def on_message(self, text: str) -> None:
        self._spawn(self.handle(text))
        self.spawn_counted(self.handle(text))
        self.spawn_elsewhere(self.handle(text))

    async def run(self) -> None:
        await asyncio.sleep(1)
        await asyncio.gather(*self._tasks)
        print(len(self._seen))

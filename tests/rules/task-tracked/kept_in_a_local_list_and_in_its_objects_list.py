"""A task put into a local list and into its object's list: the local list is dropped when the
function returns, but the object's list keeps the task and its close ends it (low). A task is
lost only if every holder lets go of it. Near misses, high: two local lists, both dropped; a
local list and a weak set of the object's (it owns nothing)."""

import asyncio
import weakref


class Pool:
    def __init__(self) -> None:
        self._background: list[asyncio.Task[None]] = []
        self._seen: weakref.WeakSet[asyncio.Task[None]] = weakref.WeakSet()

    async def _one(self, name: str) -> None:
        await asyncio.sleep(1)

    def open_all(self, names: list[str]) -> None:
        started: list[asyncio.Task[None]] = []
        for name in names:
            task = asyncio.create_task(self._one(name))
            started.append(task)
            self._background.append(task)
        print(len(started))

    def open_twice_local(self, names: list[str]) -> None:
        started: list[asyncio.Task[None]] = []
        named: list[asyncio.Task[None]] = []
        for name in names:
            task = asyncio.create_task(self._one(name))
            started.append(task)
            named.append(task)
        print(len(started), len(named))

    def open_weakly(self, names: list[str]) -> None:
        started: list[asyncio.Task[None]] = []
        for name in names:
            task = asyncio.create_task(self._one(name))
            started.append(task)
            self._seen.add(task)
        print(len(started))

    async def close(self) -> None:
        for task in self._background:
            task.cancel()
        self._background.clear()

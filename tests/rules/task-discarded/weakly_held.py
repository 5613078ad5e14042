"""A hub that tracks its watchers weakly, so that finished ones go away by themselves: the weak
references are all that hold the running tasks."""

import asyncio
import weakref
from weakref import WeakSet


class Hub:
    _registry: "weakref.WeakValueDictionary[str, asyncio.Task[None]]" = (
        weakref.WeakValueDictionary())

    def __init__(self) -> None:
        self._watchers: WeakSet[asyncio.Task[None]] = WeakSet()
        self._latest: weakref.ref[asyncio.Task[None]] | None = None

    def watch(self, name: str) -> None:
        task = asyncio.create_task(self._watch(name))
        self._watchers.add(task)

    def watch_latest(self, name: str) -> None:
        self._latest = weakref.ref(asyncio.create_task(self._watch(name)))

    def register(self, name: str) -> None:
        self._registry[name] = asyncio.create_task(self._watch(name))

    async def _watch(self, name: str) -> None:
        await asyncio.sleep(1)

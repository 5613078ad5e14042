"""A weak index for lookups beside a strong set that owns the tasks and prunes itself; a
WeakKeyDictionary holds its values strongly."""

import asyncio
import weakref


class Hub:
    def __init__(self) -> None:
        self._watchers: weakref.WeakSet[asyncio.Task[None]] = weakref.WeakSet()
        self._running: set[asyncio.Task[None]] = set()
        self._per_conn: weakref.WeakKeyDictionary[object, asyncio.Task[None]] = (
            weakref.WeakKeyDictionary())

    def watch(self, name: str) -> None:
        task = asyncio.create_task(self._watch(name))
        self._watchers.add(task)
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    def serve(self, conn: object) -> None:
        self._per_conn[conn] = asyncio.create_task(self._watch(str(conn)))

    async def close(self) -> None:
        for task in self._per_conn.values():
            task.cancel()

    async def _watch(self, name: str) -> None:
        await asyncio.sleep(1)

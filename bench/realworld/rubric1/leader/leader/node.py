from __future__ import annotations

import asyncio

from .store import CoordinationStore


class ClusterNode:
    lease_every = 5.0

    def __init__(self, node_id: str, store: CoordinationStore) -> None:
        self.node_id = node_id
        self.store = store
        self._tasks: list[asyncio.Task[None]] = []

    async def _renew_lease(self) -> None:
        while True:
            await self.store.renew(self.node_id)
            await asyncio.sleep(self.lease_every)

    async def _watch_members(self) -> None:
        while True:
            await asyncio.sleep(self.lease_every)
            now = asyncio.get_running_loop().time()
            stale = [n for n, seen in self.store.members.items() if now - seen > 3 * self.lease_every]
            for node in stale:
                self.store.members.pop(node, None)

    async def join(self) -> None:
        renew = asyncio.create_task(self._renew_lease())
        await self.store.register(self.node_id)
        self._tasks.append(renew)

    async def watch(self) -> None:
        watcher = asyncio.create_task(self._watch_members())
        self._tasks.append(watcher)
        await self.store.register(f"{self.node_id}:watcher")

    async def leave(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()

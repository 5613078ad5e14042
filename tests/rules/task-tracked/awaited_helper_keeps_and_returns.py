"""A coroutine method that keeps the task it spawns in its class's dict (pruned by the task's own
`finally`, cancelled and gathered by close()) and also returns it (`self._m[k] = task =
spawn(...)`; `return task`): what the caller does with the returned task loses nothing, so its
call is no spawn of its own. The near miss only returns the task, and the caller drops it (the
words name the call: its argument `key` is no coroutine)."""

import asyncio


class Leases:
    def __init__(self) -> None:
        self._leases: dict[str, asyncio.Task[None]] = {}

    async def _breaker(self, key: str) -> None:
        try:
            await asyncio.sleep(1)
        finally:
            self._leases.pop(key, None)

    async def _lease(self, key: str) -> asyncio.Task[None]:
        self._leases[key] = task = asyncio.create_task(self._breaker(key))
        return task

    async def spawn_loose(self, key: str) -> asyncio.Task[None]:
        task = asyncio.create_task(self._breaker(key))
        return task

    async def modify(self, key: str) -> bool:
        lease = await self._lease(key)
        loose = await self.spawn_loose(key)
        return lease.done() and loose.done()

    async def close(self) -> None:
        for task in self._leases.values():
            task.cancel()
        await asyncio.gather(*self._leases.values(), return_exceptions=True)

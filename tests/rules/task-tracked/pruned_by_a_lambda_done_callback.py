"""A per-request task kept in a set that a lambda done-callback prunes of the task it is called
with (`lambda fut: self._tasks.discard(fut)`), or of the very task it is registered on
(`lambda _: self._tasks.discard(task)`): the set keeps each task until it is done, and a stop
that stops waiting for them after a timeout does not change that (TL001), as with
`add_done_callback(self._tasks.discard)` (cabbagok's `_on_request`). The near miss: a lambda
registered on one task that discards another; nothing then lets this task go, and the timed
wait leaves it running (TL201)."""

import asyncio


class Server:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_request(self, message: str) -> None:
        task = asyncio.create_task(self.handle(message))
        self._tasks.add(task)
        task.add_done_callback(lambda fut: self._tasks.discard(fut))

    async def on_retry(self, message: str) -> None:
        task = asyncio.create_task(self.handle(message))
        self._tasks.add(task)
        task.add_done_callback(lambda _: self._tasks.discard(task))

    async def handle(self, message: str) -> None:
        await asyncio.sleep(1)

    async def stop(self) -> None:
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=5)


class OtherServer:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_request(self, message: str, first: "asyncio.Task[None]") -> None:
        task = asyncio.create_task(self.handle(message))
        self._tasks.add(task)
        task.add_done_callback(lambda _: self._tasks.discard(first))

    async def handle(self, message: str) -> None:
        await asyncio.sleep(1)

    async def stop(self) -> None:
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=5)

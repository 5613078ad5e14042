"""The near miss of task-tracked's `worker_ended_through_a_local_by_its_stop`: the worker's only
end goes through a local in the method that stores the next one (`old = self._task`, then
`old.cancel()` before the store), and nothing else ends it: the last worker runs for good
(TL201 medium, RUBRIC convention 5). A local holding the attribute is the same holder, so its
end is judged where it is reached, as the attribute's own would be."""

import asyncio


class Dispatcher:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[str] = asyncio.Queue()
        self._task: "asyncio.Task[None] | None" = None

    def restart(self) -> None:
        old = self._task
        if old is not None:
            old.cancel()
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            item = await self._queue.get()
            print(item)

    async def close(self) -> None:
        await self._queue.join()

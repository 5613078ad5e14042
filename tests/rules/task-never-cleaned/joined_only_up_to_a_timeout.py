"""Near miss of task-tracked/joined_through_an_event_it_sets_last: `close()` waits for the
event only up to a timeout, and then returns with the worker possibly still running; nothing
cancels or awaits the task itself."""

import asyncio


class BatchingSession:
    async def connect(self) -> None:
        self.queue: asyncio.Queue[str | None] = asyncio.Queue()
        self._stopped = asyncio.Event()
        self._batcher = asyncio.create_task(self._batch_loop())

    async def _batch_loop(self) -> None:
        stop = False
        while not stop:
            request = await self.queue.get()
            if request is None:
                stop = True
            else:
                await self._send(request)
        self._stopped.set()

    async def _send(self, request: str) -> None:
        await asyncio.sleep(0)

    async def close(self) -> None:
        await self.queue.put(None)
        await asyncio.wait_for(self._stopped.wait(), timeout=5)

"""Issue 23: a batching session's worker task ends itself on a `None` sentinel and sets an event
as its last statement; `close()` sends the sentinel and awaits that event, so when `close()`
returns the task has ended: a join, as good as awaiting the task."""

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
        await self._stopped.wait()

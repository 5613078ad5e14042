"""A dispatcher's polling task consumes `self._listen_updates()`, an async generator whose
`while True` has no way out: the `async for` never runs out, so the task runs until something
cancels it. `start_polling()` races it against the stop signal and cancels the losers only
after a normal return: a cancellation of `start_polling()` while it waits leaves the poller
running (medium). The near miss: `Batcher`'s generator returns once its source is exhausted,
so its consumer finishes by itself, and the same race leaves it to finish (low)."""

import asyncio
from collections.abc import AsyncIterator


class Dispatcher:
    def __init__(self) -> None:
        self._stop = asyncio.Event()

    async def _listen_updates(self) -> AsyncIterator[int]:
        offset = 0
        while True:
            await asyncio.sleep(1)
            offset += 1
            yield offset

    async def _polling(self) -> None:
        async for update in self._listen_updates():
            print(update)

    async def start_polling(self) -> None:
        tasks = [asyncio.create_task(self._polling()),
                 asyncio.create_task(self._stop.wait())]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()


class Batcher:
    def __init__(self, items: list[int]) -> None:
        self._items = items
        self._stop = asyncio.Event()

    async def _batches(self) -> AsyncIterator[int]:
        while True:
            if not self._items:
                return
            yield self._items.pop()

    async def _consume(self) -> None:
        async for item in self._batches():
            print(item)

    async def run(self) -> None:
        tasks = [asyncio.create_task(self._consume()),
                 asyncio.create_task(self._stop.wait())]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()

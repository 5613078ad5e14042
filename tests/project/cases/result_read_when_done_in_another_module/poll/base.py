"""Two pollers whose results a subclass in another module reads only once they are done: an
asyncio Task's `.result()` does not wait for it (it raises unless the task is done), so the
task's only read ends nothing and close() leaves it running; a concurrent Future's `.result()`
blocks until it is done, a wait (the near miss)."""

import asyncio
import concurrent.futures


class Poller:
    def __init__(self) -> None:
        self._task: asyncio.Task[int] | None = None

    async def _poll(self) -> int:
        await asyncio.sleep(30)
        return 1

    def start(self) -> None:
        self._task = asyncio.create_task(self._poll())

    def close(self) -> None:
        self._task = None


class ThreadPoller:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._future: concurrent.futures.Future[int] | None = None

    async def _poll(self) -> int:
        await asyncio.sleep(30)
        return 1

    def start(self) -> None:
        self._future = asyncio.run_coroutine_threadsafe(self._poll(), self._loop)

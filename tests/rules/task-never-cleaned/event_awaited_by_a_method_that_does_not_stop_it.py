"""Near miss of task-tracked/joined_through_an_event_it_sets_last: `run()` awaits the event the
stop coroutine sets as it ends, but `run()` is the app's main coroutine, not a close that stops
the task and then waits for it; the future is kept only against garbage collection and nothing
reads its outcome."""

import asyncio


class App:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._stopped = asyncio.Event()

    async def run(self) -> int:
        await self._stopped.wait()
        return 0

    def stop(self) -> None:
        self._stop_future = asyncio.run_coroutine_threadsafe(self.async_stop(), self.loop)

    async def async_stop(self) -> None:
        await asyncio.sleep(0)
        self._stopped.set()

"""An entry point that blocks in the loop while its task runs, with a done-callback that reads
the task's outcome (and stops the loop on an error): held for the whole run and its errors seen,
so kept and ended. The near miss: a done-callback that only logs that the task is done."""

import asyncio
from concurrent.futures import Future


class Worker:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._error: BaseException | None = None

    def start(self) -> None:
        future = asyncio.run_coroutine_threadsafe(self._aio_start(), self._loop)
        future.add_done_callback(self._started)
        self._loop.run_forever()

    def start_quietly(self) -> None:
        future = asyncio.run_coroutine_threadsafe(self._aio_start(), self._loop)
        future.add_done_callback(self._logged)
        self._loop.run_forever()

    def _started(self, future: Future[None]) -> None:
        self._error = future.exception()
        if self._error is not None:
            self._loop.stop()

    def _logged(self, future: Future[None]) -> None:
        print("worker done")

    async def _aio_start(self) -> None:
        await asyncio.sleep(1)

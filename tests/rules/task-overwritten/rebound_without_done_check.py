"""The same supervisor without the done() check: a new worker every second, and only the last one
is cancelled on the way out."""

import asyncio


class Supervisor:
    def __init__(self) -> None:
        self._stopped = asyncio.Event()

    async def run(self) -> None:
        worker = None
        try:
            while not self._stopped.is_set():
                worker = asyncio.create_task(self._work())
                await asyncio.sleep(1)
        finally:
            if worker is not None:
                worker.cancel()

    async def _work(self) -> None:
        await asyncio.sleep(10)

"""A supervisor that restarts its worker when it has finished, and cancels it on the way out."""

import asyncio


class Supervisor:
    def __init__(self) -> None:
        self._stopped = asyncio.Event()

    async def run(self) -> None:
        worker = None
        try:
            while not self._stopped.is_set():
                if worker is None or worker.done():
                    worker = asyncio.create_task(self._work())
                await asyncio.sleep(1)
        finally:
            if worker is not None:
                worker.cancel()

    async def _work(self) -> None:
        await asyncio.sleep(10)

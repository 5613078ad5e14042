"""faststream-concurrent-aiokafka's committer (dev54): each turn binds `fired` to whether the
waiter is done, and re-arms the waiter only `if fired:`. A local bound once in the function to
a test of the holder is that test: the re-arm never replaces a waiter still waiting."""

import asyncio


class Committer:
    def __init__(self) -> None:
        self._event = asyncio.Event()
        self._waiter: asyncio.Task[bool] | None = None

    def _rearm(self) -> None:
        self._event.clear()
        self._waiter = asyncio.create_task(self._event.wait())

    async def run(self) -> None:
        while True:
            await asyncio.sleep(1)
            fired = self._waiter is None or self._waiter.done()
            if fired:
                self._rearm()

    async def close(self) -> None:
        if self._waiter is not None:
            self._waiter.cancel()

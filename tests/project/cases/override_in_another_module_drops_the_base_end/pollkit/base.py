"""`restart()` stops the running loop before it starts the next one; the subclass of
metrics.py replaces it without the stop, and the one of disk.py keeps it through super()."""

import asyncio


class Poller:
    def __init__(self, interval: float) -> None:
        self._interval = interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def restart(self, interval: float) -> None:
        self.stop()
        self._interval = interval
        self.start()

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self._interval)


class Probe:
    """The near miss: nothing replaces its `restart()`."""

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def restart(self) -> None:
        self.stop()
        self.start()

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(1)

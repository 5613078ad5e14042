import asyncio


class Poller:
    def __init__(self, interval: float) -> None:
        self._interval = interval
        self._task: asyncio.Task | None = None

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
            await self.poll()
            await asyncio.sleep(self._interval)

    async def poll(self) -> None:
        raise NotImplementedError

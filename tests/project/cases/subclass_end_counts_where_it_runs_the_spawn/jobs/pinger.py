import asyncio

from jobs.base import Poller, Watcher


class Pinger(Poller):
    def start(self) -> None:
        super().start()

    def close(self) -> None:
        self._task.cancel()


class Quiet(Poller):
    def start(self) -> None:
        self._task = None


class Listener(Watcher):
    def start(self) -> None:
        self._task = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        await asyncio.sleep(1)

    def close(self) -> None:
        self._task.cancel()

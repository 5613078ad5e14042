import asyncio

from .base import Poller


class MetricsPoller(Poller):
    def __init__(self, interval: float, source, sink) -> None:
        super().__init__(interval)
        self._source = source
        self._sink = sink

    def restart(self, interval: float) -> None:
        self._interval = interval
        self.start()

    async def poll(self) -> None:
        samples = await self._source.read()
        asyncio.gather(*(self._sink.push(sample) for sample in samples))

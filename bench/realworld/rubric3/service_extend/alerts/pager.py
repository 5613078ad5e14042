import asyncio

from .base import Service


class PagerService(Service):
    def __init__(self, transport) -> None:
        super().__init__()
        self._transport = transport

    async def _drain(self, queue: asyncio.Queue) -> None:
        while True:
            await self._transport.page(await queue.get())

    def start(self, queue: asyncio.Queue) -> None:
        self._spawn(self._drain(queue))

    def on_alert(self, alert: dict) -> None:
        self._spawn(self._transport.page(alert))

    async def stop(self) -> None:
        await super().stop()
        await self._transport.close()

import asyncio

from .base import Service


class WebhookService(Service):
    def __init__(self, session) -> None:
        super().__init__()
        self._session = session

    async def _watch_queue(self, queue: asyncio.Queue) -> None:
        while True:
            await self._session.post(await queue.get())

    async def _publish(self, event: dict) -> None:
        await self._session.post(event)

    def start(self, queue: asyncio.Queue) -> None:
        self._spawn(self._watch_queue(queue))

    def on_event(self, event: dict) -> None:
        asyncio.create_task(self._publish(event))

    async def stop(self) -> None:
        await self._session.close()

import asyncio
from typing import Any


class Chat:
    def __init__(self, send) -> None:
        self._send = send
        self._background_tasks: set[asyncio.Task[Any]] = set()

    async def reply(self, text: str) -> None:
        await self._send(text)

    async def reply_all(self, texts: list[str]) -> None:
        for text in texts:
            task = asyncio.create_task(self._send(text))
            self._background_tasks.add(task)
            task.add_done_callback(self._background_tasks.discard)

    async def start(self) -> None:
        asyncio.create_task(self._heartbeat())

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(30)

    async def switch(self) -> None:
        # Loading takes seconds: keep it in the background.
        task = asyncio.create_task(self._send("loading"))
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    def sync_reply(self, text: str) -> None:
        task = asyncio.create_task(self._send(text))
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    async def named(self, text: str) -> None:
        await self._send(text)

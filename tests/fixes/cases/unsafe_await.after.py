import asyncio
from typing import Any, TypeVar

_background_tasks: set[asyncio.Task[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


class Chat:
    def __init__(self, send) -> None:
        self._send = send

    async def reply(self, text: str) -> None:
        await self._send(text)

    async def reply_all(self, texts: list[str]) -> None:
        for text in texts:
            _keep_task(asyncio.create_task(self._send(text)))

    async def start(self) -> None:
        asyncio.create_task(self._heartbeat())

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(30)

    async def switch(self) -> None:
        # Loading takes seconds: keep it in the background.
        _keep_task(asyncio.create_task(self._send("loading")))

    def sync_reply(self, text: str) -> None:
        _keep_task(asyncio.create_task(self._send(text)))

    async def named(self, text: str) -> None:
        await self._send(text)

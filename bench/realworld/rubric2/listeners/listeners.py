"""Event listeners started per registration, kept in a self-pruning set."""
import asyncio
from typing import Awaitable, Callable

Callback = Callable[[str], Awaitable[None]]


class EventBus:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()
        self.queue: asyncio.Queue[str] = asyncio.Queue()

    def add_listener(self, callback: Callback) -> None:
        task = asyncio.create_task(self._listen(callback))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _listen(self, callback: Callback) -> None:
        while True:
            event = await self.queue.get()
            await callback(event)

    def emit_once(self, callback: Callback, event: str) -> None:
        task = asyncio.create_task(self._call_once(callback, event))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _call_once(self, callback: Callback, event: str) -> None:
        try:
            await callback(event)
        except Exception:
            pass

"""An Engine.IO-style client: its own `start_background_task` returns the task it spawns, and
each call is judged where it is made, by what the caller does with the task."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


class Client:
    def __init__(self) -> None:
        self.read_loop_task: asyncio.Task[None] | None = None
        self.write_loop_task: asyncio.Task[None] | None = None
        self.pending: set[asyncio.Task[None]] = set()

    def start_background_task(self, target: Callable[..., Coroutine[Any, Any, None]],
                              *args: Any) -> asyncio.Task[None]:
        return asyncio.ensure_future(target(*args))

    async def connect(self) -> None:
        self.write_loop_task = self.start_background_task(self._write_loop)
        self.read_loop_task = self.start_background_task(self._read_loop)

    def on_message(self, message: str) -> None:
        task = self.start_background_task(self._handle, message)
        self.pending.add(task)
        task.add_done_callback(self.pending.discard)

    async def disconnect(self) -> None:
        if self.write_loop_task is not None:
            self.write_loop_task.cancel()
        if self.read_loop_task is not None:
            await self.read_loop_task

    async def _write_loop(self) -> None:
        await asyncio.sleep(1)

    async def _read_loop(self) -> None:
        await asyncio.sleep(1)

    async def _handle(self, message: str) -> None:
        await asyncio.sleep(0)

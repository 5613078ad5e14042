"""A client derived from the base of another module: its calls of the inherited helper are spawns
here. The loops it keeps are ended by disconnect(); the per-message handler's task is dropped."""

import asyncio

from engine.base import ClientBase


class Client(ClientBase):
    def __init__(self) -> None:
        self.read_loop_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self.read_loop_task = self.start_background_task(self._read_loop)

    def on_message(self, message: str) -> None:
        self.start_background_task(self._handle, message)

    async def disconnect(self) -> None:
        if self.read_loop_task is not None:
            self.read_loop_task.cancel()

    async def _read_loop(self) -> None:
        await asyncio.sleep(1)

    async def _handle(self, message: str) -> None:
        await asyncio.sleep(0)

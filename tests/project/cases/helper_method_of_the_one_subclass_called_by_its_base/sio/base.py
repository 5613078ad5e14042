"""A base client whose methods call `self.start_background_task(...)`, which its one subclass,
in another module, defines as a spawn helper returning the task: the calls are spawns here,
judged by what this code does with each task. The near miss, a base with two such subclasses
(which one's helper runs is not known), makes no row at its calls."""

import asyncio


class ClientBase:
    def __init__(self) -> None:
        self.read_loop_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self.read_loop_task = self.start_background_task(self._read_loop)  # type: ignore[attr-defined]

    def on_message(self, message: str) -> None:
        self.start_background_task(self._handle, message)  # type: ignore[attr-defined]

    async def disconnect(self) -> None:
        if self.read_loop_task is not None:
            self.read_loop_task.cancel()

    async def _read_loop(self) -> None:
        await asyncio.sleep(1)

    async def _handle(self, message: str) -> None:
        await asyncio.sleep(0)


class ServerBase:
    def on_message(self, message: str) -> None:
        self.start_background_task(self._handle, message)  # type: ignore[attr-defined]

    async def _handle(self, message: str) -> None:
        await asyncio.sleep(0)

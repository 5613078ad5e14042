"""A half-written edit: the spawn's call is never closed, so nothing in the module is judged."""

import asyncio


class Relay:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def forward(self, message: str) -> None:
        task = asyncio.create_task(self._send(message)
        self._tasks.add(task)

    async def _send(self, message: str) -> None:
        await asyncio.sleep(0)

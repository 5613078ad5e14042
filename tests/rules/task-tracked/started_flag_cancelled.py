"""The ready event fires again after every reconnect; the started flag keeps the status loop to
one task, and close() cancels it."""

import asyncio


class StatusBot:
    def __init__(self) -> None:
        self._started = False
        self._status_task: asyncio.Task[None] | None = None

    async def on_ready(self) -> None:
        if not self._started:
            self._started = True
            self._status_task = asyncio.create_task(self._rotate_status())

    async def _rotate_status(self) -> None:
        while True:
            await asyncio.sleep(300)

    async def close(self) -> None:
        if self._status_task is not None:
            self._status_task.cancel()

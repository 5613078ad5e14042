"""A bot that starts its status loop on the first ready event: a started flag keeps it to one
task, but nothing stops it when the bot closes."""

import asyncio


class StatusBot:
    def __init__(self) -> None:
        self._started = False
        self._status_task: asyncio.Task[None] | None = None

    async def on_ready(self) -> None:
        if self._started:
            return
        self._started = True
        self._status_task = asyncio.create_task(self._rotate_status())

    async def _rotate_status(self) -> None:
        while True:
            await asyncio.sleep(300)

    async def close(self) -> None:
        await asyncio.sleep(0)

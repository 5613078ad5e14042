"""Eager tasks built with the Task constructor, as aiohttp does on Python 3.12+."""

import asyncio
from asyncio import Task as EagerTask


class Pinger:
    def __init__(self) -> None:
        self._ping_task: asyncio.Task[None] | None = None

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._ping_task = asyncio.Task(self._ping(), loop=loop, eager_start=True)

    def poke(self, loop: asyncio.AbstractEventLoop) -> None:
        asyncio.Task(self._ping(), loop=loop)

    def poke_aliased(self, loop: asyncio.AbstractEventLoop) -> None:
        EagerTask(self._ping(), loop=loop)

    async def _ping(self) -> None:
        await asyncio.sleep(1)

    def close(self) -> None:
        if self._ping_task is not None:
            self._ping_task.cancel()

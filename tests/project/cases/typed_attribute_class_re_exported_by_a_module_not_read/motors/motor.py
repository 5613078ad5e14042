"""A motor's requests, handed to the holders `motors/_tasks.py` re-exports: the one handed to a
`TaskSet` is kept (TL001), the one handed to `Logged` is dropped (TL101), as when the holders
are defined here."""

import asyncio

from ._tasks import Logged, TaskSet


class Motor:
    def __init__(self) -> None:
        self.tasks = TaskSet()
        self.logged = Logged()

    def home(self) -> None:
        self.tasks.add(asyncio.get_running_loop().create_task(self._move(0)))

    def park(self) -> None:
        self.logged.add(asyncio.get_running_loop().create_task(self._move(1)))

    async def _move(self, position: int) -> None:
        await asyncio.sleep(position)

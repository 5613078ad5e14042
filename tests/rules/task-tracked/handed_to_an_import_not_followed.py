"""The task is handed to a function of another module: it is not followed, so no claim is made
about its end (a low row that says so), whatever the function's name."""

import asyncio

from .util import drain


class Worker:
    async def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        await drain(self._task)

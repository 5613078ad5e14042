"""The near miss: the method the task is handed to only adds a done-callback that logs. That
ends nothing; the endless task is never cancelled."""

import asyncio
import logging


class Worker:
    async def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        self._watch(self._task)

    def _watch(self, task: asyncio.Task[None]) -> None:
        task.add_done_callback(lambda t: logging.info("done: %s", t))

"""The task is handed to a method of the class that cancels and drains it: what the callee's
body does with its parameter ends the task, whatever the callee is called."""

import asyncio


class Worker:
    async def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        await self._kill(self._task)

    async def _kill(self, task: asyncio.Task[None]) -> None:
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass

"""A task whose loop is two calls below the coroutine it runs (`start()` spawns `_run()`, which
awaits the task of `_loop()`), stopped by `cleanup()` through the flag that loop tests: kept and
ended, as if the loop were the coroutine's own. The near miss awaits a loop nothing stops."""

import asyncio


class Manager:
    def __init__(self) -> None:
        self.killing = False
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        await self._start()

    async def _start(self) -> None:
        loop_task = asyncio.create_task(self._loop())
        await loop_task

    async def _loop(self) -> None:
        while not self.killing:
            await asyncio.sleep(1)

    def cleanup(self) -> None:
        self.killing = True


class Poller:
    def __init__(self) -> None:
        self.polling = True
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        await self._poll()

    async def _poll(self) -> None:
        while self.polling:
            await asyncio.sleep(1)

"""A task kept on an attribute, given a deadline by a race on close, and waited for by its owner
anyway: in another method (`join()`), or right after the race with no deadline (`await
shield(...)` alone waits until it ends): like issue 23's kind 8, the timed wait does not make
it left running."""

import asyncio


class Supervisor:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._supervise())

    async def _supervise(self) -> None:
        await asyncio.sleep(3600)

    async def join(self) -> None:
        if self._task is not None:
            await asyncio.shield(self._task)

    async def aclose(self) -> None:
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), timeout=5)
            except asyncio.TimeoutError:
                pass


class Worker:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        await asyncio.sleep(3600)

    async def aclose(self) -> None:
        assert self._task is not None
        try:
            await asyncio.wait_for(asyncio.shield(self._task), timeout=5)
        except asyncio.TimeoutError:
            self.kill()
        await asyncio.shield(self._task)

    def kill(self) -> None:
        pass

"""The owner's close stops what it owns in a loop over a tuple it writes out of its
attributes (smrititantra, dev111): `for owner in (self._scheduler, self._pool): await
owner.stop()`. The loop's name holds each of them in turn, so the call on it is a call of
`stop()` on each attribute, and each loop, which only its `stop()` ends, is ended when the
owner closes (low). The near misses are in task-never-cleaned's
`owner_loops_over_what_it_owns_without_stopping_each`."""

import asyncio


class Pool:
    def __init__(self) -> None:
        self._task: "asyncio.Task[None] | None" = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()


class Scheduler:
    def __init__(self) -> None:
        self._task: "asyncio.Task[None] | None" = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._tick())

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(60)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()


class Service:
    def __init__(self) -> None:
        self._scheduler: "Scheduler | None" = None
        self._pool: "Pool | None" = None

    async def connect(self) -> None:
        self._pool = Pool()
        self._scheduler = Scheduler()
        self._pool.start()
        self._scheduler.start()

    async def close(self) -> None:
        for owner in (self._scheduler, self._pool):
            if owner is not None:
                await owner.stop()

"""The near misses of task-tracked's `owner_stops_each_of_the_objects_it_writes_out_in_a_loop`,
each a loop whose only end is `stop()`, left running when its owner closes (TL201 medium):
- the owner's close loops over a tuple of its attributes but calls only `flush()` on each;
- the loop's name is bound again in the loop's body (`owner = self._spare`), so it does not
  hold only the tuple's objects;
- the owner loops over a list it keeps (`self._parts`), not one it writes out: what the list
  holds is not followed (its attribute is also shared, so no claim rests on it: low).
"""

import asyncio


class FlushedPool:
    def __init__(self) -> None:
        self._task: "asyncio.Task[None] | None" = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def flush(self) -> None:
        await asyncio.sleep(0)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()




class ReboundPool:
    def __init__(self) -> None:
        self._task: "asyncio.Task[None] | None" = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def flush(self) -> None:
        await asyncio.sleep(0)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()




class ListedPool:
    def __init__(self) -> None:
        self._task: "asyncio.Task[None] | None" = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def flush(self) -> None:
        await asyncio.sleep(0)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()


class Flushes:
    def __init__(self) -> None:
        self._a = FlushedPool()
        self._b = FlushedPool()

    async def connect(self) -> None:
        self._a.start()
        self._b.start()

    async def close(self) -> None:
        for owner in (self._a, self._b):
            await owner.flush()


class Rebinds:
    def __init__(self) -> None:
        self._a = ReboundPool()
        self._spare = ReboundPool()

    async def connect(self) -> None:
        self._a.start()

    async def close(self) -> None:
        for owner in (self._a,):
            owner = self._spare
            await owner.stop()


class KeepsAList:
    def __init__(self) -> None:
        self._a = ListedPool()
        self._parts = [self._a]

    async def connect(self) -> None:
        self._a.start()

    async def close(self) -> None:
        for owner in self._parts:
            await owner.stop()

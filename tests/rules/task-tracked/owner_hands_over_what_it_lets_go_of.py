"""The near miss of task-never-cleaned `owner_hands_out_what_it_keeps_through_a_getter.py`: a
bus whose `detach()` returns its engine and lets go of the attribute (`self._engine = None` in
the same method) hands the engine over with it: whoever takes it may close it, so no claim
rests on the bus's stop() (low)."""

import asyncio


class Engine:
    def __init__(self) -> None:
        self._task: "asyncio.Task[None] | None" = None

    async def initialize(self) -> None:
        self._task = asyncio.create_task(self._consolidate())

    async def _consolidate(self) -> None:
        while True:
            await asyncio.sleep(60)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()


class Bus:
    def __init__(self) -> None:
        self._engine: "Engine | None" = Engine()

    async def start(self) -> None:
        if self._engine is not None:
            await self._engine.initialize()

    def detach(self) -> "Engine | None":
        try:
            return self._engine
        finally:
            self._engine = None

    async def stop(self) -> None:
        print("bus stopped")

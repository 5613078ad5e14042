"""An event bus (neurobus, dev101) makes its memory engine, starts it, and hands it out through
a property and a plain getter, but its stop() never closes it: the engine's consolidation loop
runs on after the bus stops (TL201 medium). A getter that keeps what it returns borrows it:
the caller may use the engine, and the bus that made and started it still answers for its end.

The near miss (task-tracked `owner_hands_over_what_it_lets_go_of.py`): a method that returns
the object and lets go of its attribute (`self._engine = None`) hands it over (low)."""

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


class Index:
    def __init__(self) -> None:
        self._task: "asyncio.Task[None] | None" = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._refresh())

    async def _refresh(self) -> None:
        while True:
            await asyncio.sleep(5)

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()


class Bus:
    def __init__(self) -> None:
        self._engine = Engine()
        self._index = Index()

    async def start(self) -> None:
        await self._engine.initialize()
        self._index.start()

    @property
    def memory(self) -> Engine:
        return self._engine

    def index(self) -> Index:
        if self._index is None:
            self._index = Index()
        return self._index

    async def stop(self) -> None:
        print("bus stopped")

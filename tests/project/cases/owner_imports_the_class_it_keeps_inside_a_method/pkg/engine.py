import asyncio


class Engine:
    """Its loop is ended by close(), which its owner never calls."""

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._consolidate())

    async def _consolidate(self) -> None:
        while True:
            await asyncio.sleep(60)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()


class Pump:
    """Its loop is ended by a method named cancel(), which its owner's close calls."""

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._pump())

    async def _pump(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

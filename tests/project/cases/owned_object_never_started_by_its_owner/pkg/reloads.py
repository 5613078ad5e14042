import asyncio


class CertReloader:
    """Started only by its user (`start_reload()`), stopped by `stop_reload()`: an owner that
    never starts it runs no reload loop, whatever its close calls."""

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start_reload(self) -> None:
        self._task = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(60)

    async def stop_reload(self) -> None:
        if self._task is not None:
            self._task.cancel()


class KeyReloader:
    """Near miss: the same loop, started through `start()`, which its owner calls."""

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._begin()

    def _begin(self) -> None:
        self._task = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(60)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

import asyncio


class Exporter:
    """A flush loop that runs until `stop()` cancels it."""

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._flush())

    async def _flush(self) -> None:
        while True:
            await asyncio.sleep(10)

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

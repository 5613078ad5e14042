import asyncio


class Exporter:
    def __init__(self) -> None:
        self._task: "asyncio.Task[None] | None" = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._flush_forever())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _flush_forever(self) -> None:
        while True:
            await asyncio.sleep(10)


class Uploader:
    def __init__(self) -> None:
        self._task: "asyncio.Task[None] | None" = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._upload_forever())

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _upload_forever(self) -> None:
        while True:
            await asyncio.sleep(10)

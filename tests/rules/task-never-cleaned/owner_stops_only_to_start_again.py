"""An exporter's flush loop runs until stop() cancels it. Its owner calls stop() only in
reconfigure(), and starts it again right after: a restart ends nothing on the owner's way out,
and the owner's shutdown() never stops it (medium). Near miss: an owner whose close() stops it
too."""

import asyncio


class Exporter:
    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        self._flush_task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._flush_task = asyncio.create_task(self._flush_forever())

    def stop(self) -> None:
        if self._flush_task is not None:
            self._flush_task.cancel()
            self._flush_task = None

    async def _flush_forever(self) -> None:
        while True:
            await asyncio.sleep(10)


class Uploader:
    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        self._upload_task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._upload_task = asyncio.create_task(self._upload_forever())

    def stop(self) -> None:
        if self._upload_task is not None:
            self._upload_task.cancel()
            self._upload_task = None

    async def _upload_forever(self) -> None:
        while True:
            await asyncio.sleep(10)


class MetricsApp:
    def __init__(self, endpoint: str) -> None:
        self.exporter = Exporter(endpoint)

    def start(self) -> None:
        self.exporter.start()

    def reconfigure(self, endpoint: str) -> None:
        self.exporter.stop()
        self.exporter.endpoint = endpoint
        self.exporter.start()

    async def shutdown(self) -> None:
        await asyncio.sleep(0)


class UploadApp:
    def __init__(self, endpoint: str) -> None:
        self.uploader = Uploader(endpoint)

    def start(self) -> None:
        self.uploader.start()

    def reconfigure(self, endpoint: str) -> None:
        self.uploader.stop()
        self.uploader.endpoint = endpoint
        self.uploader.start()

    async def close(self) -> None:
        self.uploader.stop()

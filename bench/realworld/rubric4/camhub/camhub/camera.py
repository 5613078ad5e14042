import asyncio
import json
from typing import Optional

from .device import Device


class Camera(Device):
    def __init__(self, host: str, port: int = 8554) -> None:
        super().__init__(host)
        self.port = port
        self._writer: Optional[asyncio.StreamWriter] = None
        self._reader: Optional[asyncio.StreamReader] = None

    async def query_status(self) -> dict:
        self._writer.write(b'{"cmd": "status"}\n')
        await self._writer.drain()
        return json.loads(await self._reader.readline())

    async def open(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        await super().open()

    async def on_frame(self, frame: bytes) -> None:
        asyncio.create_task(self._archive(frame))

    async def _archive(self, frame: bytes) -> None:
        await asyncio.to_thread(self._write_frame, frame)

    def _write_frame(self, frame: bytes) -> None:
        with open(f"/var/lib/camhub/{self.host}.mjpeg", "ab") as fh:
            fh.write(frame)

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()

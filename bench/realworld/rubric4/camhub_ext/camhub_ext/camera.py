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

    async def snapshot_all(self, hosts: list) -> None:
        for host in hosts:
            _pending = asyncio.ensure_future(self._snapshot(host))

    async def _snapshot(self, host: str) -> None:
        reader, writer = await asyncio.open_connection(host, self.port)
        writer.write(b'{"cmd": "snapshot"}\n')
        await reader.read()
        writer.close()

    async def close(self) -> None:
        await super().close()
        if self._writer is not None:
            self._writer.close()

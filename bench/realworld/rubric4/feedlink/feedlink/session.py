import asyncio
import json
from typing import Optional

from .keepalive import keepalive


class FeedSession:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.updates: asyncio.Queue = asyncio.Queue(maxsize=1000)
        self._reader: Optional[asyncio.StreamReader] = None
        self._writer: Optional[asyncio.StreamWriter] = None
        self._pump_task: Optional[asyncio.Task] = None
        self._keepalive_task: Optional[asyncio.Task] = None

    async def connect(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        if self._pump_task is not None:
            self._pump_task.cancel()
        self._pump_task = asyncio.create_task(self._pump(self._reader))
        if self._keepalive_task is None or self._keepalive_task.done():
            self._keepalive_task = asyncio.create_task(keepalive(self))

    async def reconnect(self) -> None:
        if self._writer is not None:
            self._writer.close()
        await self.connect()

    async def ping(self) -> None:
        self._writer.write(b'{"op": "ping"}\n')
        await self._writer.drain()
        await self._reader.readline()

    async def _pump(self, reader: asyncio.StreamReader) -> None:
        while True:
            line = await reader.readline()
            if not line:
                await asyncio.sleep(1.0)
                continue
            await self.updates.put(json.loads(line))

    async def close(self) -> None:
        for task in (self._pump_task, self._keepalive_task):
            if task is not None:
                task.cancel()
        if self._writer is not None:
            self._writer.close()

import asyncio
import struct
from typing import Awaitable, Callable, Optional

from .mixins import ReconnectMixin


class MqttClient(ReconnectMixin):
    def __init__(self, host: str, port: int, on_publish: Callable[[str, bytes], Awaitable[None]]) -> None:
        self.host = host
        self.port = port
        self._on_publish = on_publish
        self._reader: Optional[asyncio.StreamReader] = None
        self._writer: Optional[asyncio.StreamWriter] = None
        self._read_task: Optional[asyncio.Task] = None
        self._connected = asyncio.Event()

    async def _open(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        self._connected.set()

    async def start(self) -> None:
        await self._open()
        self._read_task = asyncio.create_task(self._read_loop())

    async def _read_loop(self) -> None:
        while True:
            await self._connected.wait()
            try:
                header = await self._reader.readexactly(4)
                topic_len, body_len = struct.unpack("!HH", header)
                topic = (await self._reader.readexactly(topic_len)).decode()
                body = await self._reader.readexactly(body_len)
            except (OSError, asyncio.IncompleteReadError):
                self._connected.clear()
                self._schedule_reconnect()
                continue
            await self._on_publish(topic, body)

    async def publish(self, topic: str, body: bytes) -> None:
        data = topic.encode()
        try:
            self._writer.write(struct.pack("!HH", len(data), len(body)) + data + body)
            await self._writer.drain()
        except OSError:
            self._connected.clear()
            self._schedule_reconnect()
            raise

    async def close(self) -> None:
        if self._read_task is not None:
            self._read_task.cancel()
        if self._reconnect_task is not None:
            self._reconnect_task.cancel()
        if self._writer is not None:
            self._writer.close()

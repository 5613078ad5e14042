import asyncio
from typing import Awaitable, Callable, Optional

from .backoff import BackoffReconnector


class StompClient(BackoffReconnector):
    def __init__(self, host: str, port: int, on_frame: Callable[[bytes], Awaitable[None]]) -> None:
        self.host = host
        self.port = port
        self._on_frame = on_frame
        self._reader: Optional[asyncio.StreamReader] = None
        self._writer: Optional[asyncio.StreamWriter] = None
        self._frames_task: Optional[asyncio.Task] = None
        self._up = asyncio.Event()

    async def _open(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        self._writer.write(b"CONNECT\naccept-version:1.2\n\n\x00")
        await self._writer.drain()
        self._up.set()

    async def start(self) -> None:
        await self._open()
        self._frames_task = asyncio.create_task(self._frames())

    async def _frames(self) -> None:
        while True:
            await self._up.wait()
            try:
                frame = await self._reader.readuntil(b"\x00")
            except (OSError, asyncio.IncompleteReadError):
                self._up.clear()
                self._schedule_reconnect()
                continue
            await self._on_frame(frame)

    async def send(self, destination: str, body: str) -> None:
        try:
            self._writer.write(f"SEND\ndestination:{destination}\n\n{body}\x00".encode())
            await self._writer.drain()
        except OSError:
            self._up.clear()
            self._schedule_reconnect()
            raise

    async def disconnect(self) -> None:
        for task in (self._frames_task, self._reconnect_task):
            if task is not None:
                task.cancel()
        if self._writer is not None:
            self._writer.close()

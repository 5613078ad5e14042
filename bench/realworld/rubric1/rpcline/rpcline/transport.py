from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable
from typing import Any

OnFrame = Callable[[dict[str, Any]], None]


class Transport:
    def __init__(self, host: str, port: int, on_frame: OnFrame) -> None:
        self.host = host
        self.port = port
        self.on_frame = on_frame
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._read_task: asyncio.Task[None] | None = None
        self._send_lock = asyncio.Lock()

    async def open(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        self._read_task = asyncio.create_task(self._read_frames())

    async def _read_frames(self) -> None:
        assert self._reader is not None
        while True:
            size = int.from_bytes(await self._reader.readexactly(4), "big")
            self.on_frame(json.loads(await self._reader.readexactly(size)))

    async def send(self, frame: dict[str, Any]) -> None:
        assert self._writer is not None
        data = json.dumps(frame).encode()
        async with self._send_lock:
            self._writer.write(len(data).to_bytes(4, "big") + data)
            await self._writer.drain()

    async def close(self) -> None:
        if self._read_task is not None:
            self._read_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._read_task
        if self._writer is not None:
            self._writer.close()

from __future__ import annotations

import asyncio


class ConnectionHandler:
    greeting = b"HELLO line/1\n"

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.outbox: asyncio.Queue[bytes] = asyncio.Queue()
        self._writer_task: asyncio.Task[None] | None = None

    async def _drain_outbox(self) -> None:
        while True:
            data = await self.outbox.get()
            self.writer.write(data)
            await self.writer.drain()

    async def _handshake(self) -> None:
        self.writer.write(self.greeting)
        line = await asyncio.wait_for(self.reader.readline(), 10)
        if not line.startswith(b"HELLO"):
            raise ConnectionError("peer did not greet")

    def _respond(self, line: bytes) -> bytes:
        return line.upper()

    async def serve(self) -> None:
        self._writer_task = asyncio.create_task(self._drain_outbox())
        await self._handshake()
        try:
            while line := await self.reader.readline():
                await self.outbox.put(self._respond(line))
        finally:
            self._writer_task.cancel()
            self.writer.close()

"""A connection handler starts its writer loop, then awaits the handshake, and only then enters
the `try` whose `finally` cancels the writer. A failed or cancelled handshake leaves `serve()`
before that `try`: the writer, which runs until cancelled, runs for good (medium). Near miss:
the handshake inside the `try`, so the `finally` ends the writer on every way out."""

import asyncio


class Handler:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.outbox: asyncio.Queue[bytes] = asyncio.Queue()
        self._writer_task: asyncio.Task[None] | None = None

    async def _drain(self) -> None:
        while True:
            self.writer.write(await self.outbox.get())
            await self.writer.drain()

    async def _handshake(self) -> None:
        line = await asyncio.wait_for(self.reader.readline(), 10)
        if not line.startswith(b"HELLO"):
            raise ConnectionError("peer did not greet")

    async def serve(self) -> None:
        self._writer_task = asyncio.create_task(self._drain())
        await self._handshake()
        try:
            while line := await self.reader.readline():
                await self.outbox.put(line.upper())
        finally:
            self._writer_task.cancel()


class SafeHandler(Handler):
    async def serve(self) -> None:
        self._writer_task = asyncio.create_task(self._drain())
        try:
            await self._handshake()
            while line := await self.reader.readline():
                await self.outbox.put(line.upper())
        finally:
            self._writer_task.cancel()

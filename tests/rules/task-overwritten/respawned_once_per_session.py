"""A feed client's reconnect loop stores a new heartbeat each time it connects, over the one
still running: each turn then waits in `_read()`, which loops over the stream until the link
drops, so the loop comes round once per session (a rare event): medium. The near miss,
`Dispatcher`, stores a handler task per message it takes from its queue and acknowledges it,
a call with no loop of its own: once per message, high."""

import asyncio


class FeedClient:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self._closed = False
        self._heartbeat: asyncio.Task[None] | None = None

    async def connect_loop(self) -> None:
        while not self._closed:
            reader, writer = await asyncio.open_connection(self.host, self.port)
            self._heartbeat = asyncio.create_task(self._ping(writer))
            await self._read(reader)

    async def _ping(self, writer: asyncio.StreamWriter) -> None:
        while True:
            await asyncio.sleep(10)
            writer.write(b"ping\n")

    async def _read(self, reader: asyncio.StreamReader) -> None:
        while line := await reader.readline():
            print(line)

    async def close(self) -> None:
        self._closed = True
        if self._heartbeat is not None:
            self._heartbeat.cancel()


class Dispatcher:
    def __init__(self) -> None:
        self._current: asyncio.Task[None] | None = None

    async def run(self, queue: asyncio.Queue[str]) -> None:
        while True:
            message = await queue.get()
            self._current = asyncio.create_task(self._handle(message))
            await self._ack(message)

    async def _handle(self, message: str) -> None:
        await asyncio.sleep(1)

    async def _ack(self, message: str) -> None:
        await asyncio.sleep(0)

    async def close(self) -> None:
        if self._current is not None:
            self._current.cancel()

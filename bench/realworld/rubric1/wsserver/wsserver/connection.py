from __future__ import annotations

import asyncio


class PushConnection:
    """One client: a receive loop and a ping loop, raced; the first to end ends the connection."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.received: list[bytes] = []

    async def _recv_loop(self) -> None:
        while line := await self.reader.readline():
            self.received.append(line)

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(20)
            self.writer.write(b"PING\n")

    async def run(self) -> None:
        recv = asyncio.create_task(self._recv_loop())
        ping = asyncio.create_task(self._ping_loop())
        done, pending = await asyncio.wait({recv, ping}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        self.writer.close()


class GuardedPushConnection(PushConnection):
    async def run(self) -> None:
        recv = asyncio.create_task(self._recv_loop())
        ping = asyncio.create_task(self._ping_loop())
        try:
            await asyncio.wait({recv, ping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            recv.cancel()
            ping.cancel()
            self.writer.close()

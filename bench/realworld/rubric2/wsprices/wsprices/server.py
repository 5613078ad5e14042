import asyncio
import itertools

from .handlers import SubscriptionHandler


class Writer:
    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self._writer = writer

    async def send(self, text: str) -> None:
        self._writer.write(text.encode() + b"\n")
        await self._writer.drain()


class PriceServer:
    def __init__(self, handler: SubscriptionHandler) -> None:
        self.handler = handler
        self._ids = itertools.count()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn_id = next(self._ids)
        try:
            while line := await reader.readline():
                self.handler.on_message(conn_id, Writer(writer), line.decode())
        finally:
            self.handler.on_disconnect(conn_id)
            writer.close()

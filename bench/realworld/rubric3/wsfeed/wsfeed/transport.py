import asyncio
import json


class TransportClosed(Exception):
    pass


class Transport:
    """A line-delimited JSON link over TCP."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    @classmethod
    async def open(cls, host: str, port: int) -> "Transport":
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer)

    async def recv(self) -> dict:
        line = await self._reader.readline()
        if not line:
            raise TransportClosed("peer closed the feed")
        return json.loads(line)

    async def ping(self) -> None:
        if self._writer.is_closing():
            raise TransportClosed("ping on a closed link")
        self._writer.write(b'{"op": "ping"}\n')
        await self._writer.drain()

    async def close(self) -> None:
        self._writer.close()
        await self._writer.wait_closed()

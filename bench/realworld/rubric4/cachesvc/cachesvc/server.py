import asyncio
from typing import Optional

from .cache import TtlCache
from .timers import call_later


class CacheServer:
    def __init__(self, port: int = 6380) -> None:
        self.port = port
        self.cache = TtlCache()
        self._server: Optional[asyncio.AbstractServer] = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._client, "127.0.0.1", self.port)

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async for line in reader:
            parts = line.decode().split()
            if not parts:
                continue
            if parts[0] == "SET" and len(parts) == 3:
                self.cache.put(parts[1], parts[2].encode())
                writer.write(b"+OK\r\n")
            elif parts[0] == "GET" and len(parts) == 2:
                value = self.cache.get(parts[1])
                writer.write(b"$" + value + b"\r\n" if value is not None else b"$-1\r\n")
                if value is not None:
                    self.cache.touch(parts[1])
            elif parts[0] == "QUIT":
                call_later(0.5, self._drain_and_close(writer))
                break

    def _drain_and_close(self, writer: asyncio.StreamWriter):
        async def _close() -> None:
            await writer.drain()
            writer.close()
        return _close

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        self.cache.close()

import asyncio

from .registry import TaskRegistry


class AuthError(Exception):
    pass


class TunnelServer:
    def __init__(self, token: bytes) -> None:
        self._token = token
        self._registry = TaskRegistry()

    async def _authenticate(self, reader: asyncio.StreamReader) -> None:
        if (await reader.readline()).strip() != self._token:
            raise AuthError("bad token")

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            writer.write(await reader.read(4096))
            await writer.drain()

    async def _banner(self, writer: asyncio.StreamWriter) -> None:
        writer.write(b"tunnel v2\n")
        await writer.drain()

    async def on_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        greeter = asyncio.create_task(self._banner(writer))
        pump = asyncio.create_task(self._pump(reader, writer))
        await self._authenticate(reader)
        self._registry.adopt(greeter)
        self._registry.adopt(pump)

    async def on_admin(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        console = asyncio.create_task(self._pump(reader, writer))
        self._registry.adopt(console)
        await self._authenticate(reader)

    async def close(self) -> None:
        await self._registry.close()

import asyncio
import struct

from .registry import StreamRegistry


class HandshakeError(Exception):
    pass


async def _pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
    while True:
        chunk = await src.read(65536)
        if not chunk:
            await asyncio.sleep(0.05)
            continue
        dst.write(chunk)
        await dst.drain()


class TunnelDialer:
    def __init__(self, relay_host: str, relay_port: int) -> None:
        self.relay_host = relay_host
        self.relay_port = relay_port
        self.registry = StreamRegistry()

    async def _handshake(self, writer: asyncio.StreamWriter, reader: asyncio.StreamReader, stream_id: int) -> None:
        writer.write(struct.pack("!BI", 1, stream_id))
        await writer.drain()
        status = await reader.readexactly(1)
        if status != b"\x00":
            raise HandshakeError(f"relay refused stream {stream_id}")

    async def open_inbound(self, local: asyncio.StreamWriter, stream_id: int) -> None:
        reader, writer = await asyncio.open_connection(self.relay_host, self.relay_port)
        task = asyncio.create_task(_pipe(reader, local))
        await self._handshake(writer, reader, stream_id)
        self.registry.adopt(task)

    async def open_outbound(self, local: asyncio.StreamReader, stream_id: int) -> None:
        reader, writer = await asyncio.open_connection(self.relay_host, self.relay_port)
        task = asyncio.create_task(_pipe(local, writer))
        self.registry.adopt(task)
        await self._handshake(writer, reader, stream_id)

    async def close(self) -> None:
        await self.registry.close()

import asyncio


class LinkClosed(ConnectionError):
    pass


class Link:
    """A framed TCP link: 4-byte length prefix, then payload."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    @classmethod
    async def open(cls, host: str, port: int) -> "Link":
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer)

    async def send(self, payload: bytes) -> None:
        self._writer.write(len(payload).to_bytes(4, "big") + payload)
        await self._writer.drain()

    async def recv(self) -> bytes:
        try:
            header = await self._reader.readexactly(4)
            return await self._reader.readexactly(int.from_bytes(header, "big"))
        except asyncio.IncompleteReadError as exc:
            raise LinkClosed("peer closed the link") from exc

    async def close(self) -> None:
        self._writer.close()
        try:
            await self._writer.wait_closed()
        except OSError:
            pass

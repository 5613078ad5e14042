import asyncio


class BaseTransport:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        _, self.writer = await asyncio.open_connection(self.host, self.port)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()

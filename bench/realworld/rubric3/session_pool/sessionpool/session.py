import asyncio


class Session:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.inbox: asyncio.Queue[bytes] = asyncio.Queue()
        self.reader_task: asyncio.Task | None = None
        self.keepalive_task: asyncio.Task | None = None

    def start(self) -> None:
        self.reader_task = asyncio.create_task(self._read())
        self.keepalive_task = asyncio.create_task(self._keepalive())

    async def _read(self) -> None:
        while True:
            self.inbox.put_nowait(await self.reader.readline())

    async def _keepalive(self) -> None:
        while True:
            await asyncio.sleep(25.0)
            self.writer.write(b"NOOP\r\n")

    async def close(self) -> None:
        self.writer.close()
        await self.writer.wait_closed()

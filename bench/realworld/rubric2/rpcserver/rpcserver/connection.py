import asyncio
import itertools

from .protocol import Request


class Connection:
    def __init__(self, conn_id: int, reader: asyncio.StreamReader,
                 writer: asyncio.StreamWriter) -> None:
        self.id = conn_id
        self.reader = reader
        self.writer = writer
        self._reader_task: asyncio.Task | None = None
        self._pending: dict[int, asyncio.Task] = {}
        self._seq = itertools.count()

    def start(self) -> None:
        self._reader_task = asyncio.create_task(self._read_loop())

    async def _read_loop(self) -> None:
        while line := await self.reader.readline():
            req = Request.parse(line)
            key = next(self._seq)
            if req.kind == "call":
                self._pending[key] = asyncio.create_task(self._dispatch_call(key, req))
            else:
                self._pending[key] = asyncio.create_task(self._stream_out(key, req))

    async def _dispatch_call(self, key: int, req: Request) -> None:
        try:
            await asyncio.sleep(0)
            self.writer.write(b'{"id": %d}\n' % req.id)
        finally:
            self._pending.pop(key, None)

    async def _stream_out(self, key: int, req: Request) -> None:
        for chunk in range(10):
            await asyncio.sleep(0.1)
            self.writer.write(b'{"id": %d, "chunk": %d}\n' % (req.id, chunk))
        self._pending.pop(key, None)

    async def push(self, event: bytes) -> None:
        self.writer.write(event)
        await self.writer.drain()

    async def close(self) -> None:
        if self._reader_task is not None:
            self._reader_task.cancel()
        self.writer.close()

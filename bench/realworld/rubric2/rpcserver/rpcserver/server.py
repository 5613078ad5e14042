import asyncio
import itertools

from .connection import Connection


class RpcServer:
    def __init__(self) -> None:
        self._conns: dict[int, Connection] = {}
        self._ids = itertools.count()
        self._server: asyncio.Server | None = None

    async def start(self, port: int) -> None:
        self._server = await asyncio.start_server(self._on_connect, port=port)

    def _on_connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = Connection(next(self._ids), reader, writer)
        self._conns[conn.id] = conn
        conn.start()

    def notify(self, event: bytes) -> None:
        loop = asyncio.get_running_loop()
        for conn in self._conns.values():
            loop.create_task(conn.push(event))

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for conn in self._conns.values():
            await conn.close()

import asyncio
import itertools
import json

from .rooms import RoomHub
from .router import Router


class RelayServer:
    def __init__(self, host: str = "127.0.0.1", port: int = 7400) -> None:
        self._host = host
        self._port = port
        self._ids = itertools.count(1)
        self._router = Router(RoomHub())
        self._server: asyncio.base_events.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, self._host, self._port)

    async def _send_welcome(self, writer: asyncio.StreamWriter, client_id: int) -> None:
        writer.write(json.dumps({"op": "welcome", "id": client_id}).encode() + b"\n")
        await writer.drain()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        client_id = next(self._ids)
        asyncio.create_task(self._send_welcome(writer, client_id))
        try:
            async for line in reader:
                self._router.dispatch(client_id, writer, json.loads(line))
        finally:
            self._router.drop_client(client_id)
            writer.close()

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        await self._router.close()

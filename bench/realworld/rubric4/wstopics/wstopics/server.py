import asyncio
import json
from typing import List, Optional

from .conn import Connection
from .topics import TopicBus, on_subscribe, on_unsubscribe


class TopicServer:
    def __init__(self, port: int = 9100) -> None:
        self.port = port
        self.bus = TopicBus()
        self._server: Optional[asyncio.AbstractServer] = None
        self._handlers: List[asyncio.Task] = []

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "0.0.0.0", self.port)

    def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._handlers.append(asyncio.create_task(self._serve(reader, writer)))

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn = Connection(str(writer.get_extra_info("peername")), writer)
        try:
            while True:
                raw = await reader.readline()
                if not raw:
                    break
                msg = json.loads(raw)
                if msg["op"] == "sub":
                    on_subscribe(conn, self.bus, msg["topic"])
                elif msg["op"] == "unsub":
                    on_unsubscribe(conn, msg["topic"])
                elif msg["op"] == "pub":
                    self.bus.publish(msg["topic"], msg.get("payload", {}))
        finally:
            await conn.close()

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

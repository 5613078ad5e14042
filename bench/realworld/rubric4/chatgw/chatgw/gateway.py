import asyncio
import json
from typing import Dict, List, Optional, Tuple

from .presence import Presence
from .protocol import encode, parse_hello


class ChatGateway:
    def __init__(self, port: int = 7000) -> None:
        self.port = port
        self._writers: Dict[str, asyncio.StreamWriter] = {}
        self._by_client: Dict[str, asyncio.Task] = {}
        self._by_peer: Dict[Tuple[str, int], asyncio.Task] = {}
        self.presence = Presence(self.broadcast)
        self._server: Optional[asyncio.AbstractServer] = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "0.0.0.0", self.port)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        hello = parse_hello(await reader.readline())
        if hello is None:
            writer.close()
            return
        self._writers[hello.client_id] = writer
        self._by_client[hello.client_id] = asyncio.create_task(self._session(hello.client_id, reader))

    async def _session(self, client_id: str, reader: asyncio.StreamReader) -> None:
        async for raw in reader:
            msg = json.loads(raw)
            if msg.get("kind") == "typing":
                self.presence.on_typing(client_id)
            elif msg.get("kind") == "say":
                asyncio.create_task(self.broadcast(encode("say", client=client_id, text=msg["text"])))

    async def broadcast(self, data: bytes) -> None:
        for writer in list(self._writers.values()):
            writer.write(data)

    def serve_admin(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        task = asyncio.create_task(self._admin(reader, writer))
        self._by_peer[peer] = task
        task.add_done_callback(lambda _t: self._by_peer.pop(peer, None))

    async def _admin(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async for raw in reader:
            if raw.strip() == b"kick-all":
                await self.kick_all()

    async def kick_all(self) -> None:
        kicks: List[asyncio.Task] = [asyncio.create_task(self._kick(cid)) for cid in list(self._writers)]
        await asyncio.sleep(0)

    async def _kick(self, client_id: str) -> None:
        writer = self._writers.pop(client_id, None)
        if writer is not None:
            writer.write(encode("bye"))
            writer.close()

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        self.presence.close()
        for task in list(self._by_client.values()) + list(self._by_peer.values()):
            task.cancel()

import asyncio
import json
import uuid
from typing import Dict, Optional, Set

from .handlers import handle_message
from .state import ClientState


class RoomServer:
    def __init__(self, host: str = "127.0.0.1", port: int = 8765) -> None:
        self.host = host
        self.port = port
        self.rooms: Dict[str, asyncio.Queue] = {}
        self._server: Optional[asyncio.AbstractServer] = None
        self._sessions: Set[asyncio.Task] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._on_connect, self.host, self.port)

    def _on_connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.create_task(self._session(reader, writer))
        self._sessions.add(task)
        task.add_done_callback(self._sessions.discard)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        client = ClientState(uuid.uuid4().hex, writer)
        try:
            async for raw in reader:
                try:
                    msg = json.loads(raw)
                except ValueError:
                    continue
                await handle_message(client, msg, self.rooms)
        finally:
            client.close()

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        for task in list(self._sessions):
            task.cancel()
        await asyncio.gather(*self._sessions, return_exceptions=True)

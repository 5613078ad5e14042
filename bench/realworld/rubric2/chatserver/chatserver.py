"""A line-based chat server with typing indicators."""
import asyncio


class Client:
    def __init__(self, client_id: str, writer: asyncio.StreamWriter) -> None:
        self.id = client_id
        self.writer = writer

    async def send(self, text: str) -> None:
        self.writer.write(text.encode() + b"\n")
        await self.writer.drain()


class ChatServer:
    def __init__(self) -> None:
        self.clients: dict[str, Client] = {}
        self._typing: dict[str, asyncio.Task] = {}
        self._sessions: set[asyncio.Task] = set()
        self._server: asyncio.Server | None = None

    async def start(self, port: int) -> None:
        self._server = await asyncio.start_server(self._on_connect, port=port)

    def _on_connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.create_task(self._session(reader, writer))
        self._sessions.add(task)
        task.add_done_callback(self._sessions.discard)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        client = Client(str(id(writer)), writer)
        self.clients[client.id] = client
        try:
            while line := await reader.readline():
                self.on_message(client, line.decode().strip())
        finally:
            self.clients.pop(client.id, None)
            writer.close()

    def on_message(self, client: Client, text: str) -> None:
        if text == "/typing":
            self._typing[client.id] = asyncio.create_task(self._typing_timeout(client.id))
            return
        for other in self.clients.values():
            asyncio.create_task(other.send(f"{client.id}: {text}"))

    async def _typing_timeout(self, client_id: str) -> None:
        await asyncio.sleep(5)
        self._typing.pop(client_id, None)
        await self._broadcast_stopped(client_id)

    async def _broadcast_stopped(self, client_id: str) -> None:
        for other in list(self.clients.values()):
            await other.send(f"* {client_id} stopped typing")

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._sessions):
            task.cancel()
        await asyncio.gather(*self._sessions, return_exceptions=True)


class QuietChatServer(ChatServer):
    """Restarts a client's typing timer instead of stacking them."""

    def on_message(self, client: Client, text: str) -> None:
        if text == "/typing":
            previous = self._typing.get(client.id)
            if previous is not None:
                previous.cancel()
            self._typing[client.id] = asyncio.create_task(self._typing_timeout(client.id))
            return
        super().on_message(client, text)

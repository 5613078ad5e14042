import asyncio
import json

from .rooms import RoomHub


class Router:
    """Routes one client's commands; a client follows one room at a time."""

    def __init__(self, hub: RoomHub) -> None:
        self._hub = hub
        self._followers: dict[int, asyncio.Task] = {}

    def dispatch(self, client_id: int, writer: asyncio.StreamWriter, message: dict) -> None:
        op = message.get("op")
        if op == "follow":
            self._followers[client_id] = asyncio.create_task(
                self._forward(writer, message["room"]))
        elif op == "say":
            self._hub.publish(message["room"], message["text"])
        elif op == "leave":
            task = self._followers.pop(client_id, None)
            if task is not None:
                task.cancel()

    async def _forward(self, writer: asyncio.StreamWriter, room: str) -> None:
        queue = self._hub.listen(room)
        while True:
            text = await queue.get()
            writer.write(json.dumps({"room": room, "text": text}).encode() + b"\n")
            await writer.drain()

    def drop_client(self, client_id: int) -> None:
        task = self._followers.pop(client_id, None)
        if task is not None:
            task.cancel()

    async def close(self) -> None:
        tasks = list(self._followers.values())
        self._followers.clear()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

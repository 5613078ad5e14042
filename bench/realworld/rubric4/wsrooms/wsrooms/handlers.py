import asyncio
import json

from .state import ClientState


async def room_feed(client: ClientState, room: str, hub: "asyncio.Queue[bytes]") -> None:
    while True:
        line = await hub.get()
        await client.send(json.dumps({"room": room, "data": line.decode()}).encode())


async def handle_message(client: ClientState, msg: dict, rooms: dict) -> None:
    op = msg.get("op")
    room = msg.get("room", "")
    if op == "join":
        hub = rooms.setdefault(room, asyncio.Queue())
        client.feeds[room] = asyncio.create_task(room_feed(client, room, hub))
    elif op == "leave":
        task = client.feeds.pop(room, None)
        if task is not None:
            task.cancel()
    elif op == "say":
        hub = rooms.get(room)
        if hub is not None:
            await hub.put(msg.get("text", "").encode())

"""A typing indicator: each typing event from the hub's read loop stores a new expiry timer for
the user over the running one. The hub calls the indicators through the object its attribute
holds (`self._typing.on_typing(...)`), once per line read: the same user comes again, and the
timer already stored under that key still runs (its "stopped typing" comes mid-typing).
The near miss, `Presence`, pops and cancels the user's timer before it stores the next."""

import asyncio
import json


class TypingIndicators:
    def __init__(self, broadcast) -> None:
        self._broadcast = broadcast
        self._timers: dict[str, asyncio.Task[None]] = {}

    def on_typing(self, user: str) -> None:
        self._timers[user] = asyncio.create_task(self._expire(user))

    async def _expire(self, user: str) -> None:
        await self._broadcast({"user": user, "typing": True})
        await asyncio.sleep(5.0)
        await self._broadcast({"user": user, "typing": False})

    async def close(self) -> None:
        for task in self._timers.values():
            task.cancel()


class Presence:
    def __init__(self, broadcast) -> None:
        self._broadcast = broadcast
        self._timers: dict[str, asyncio.Task[None]] = {}

    def on_typing(self, user: str) -> None:
        old = self._timers.pop(user, None)
        if old is not None:
            old.cancel()
        self._timers[user] = asyncio.create_task(self._expire(user))

    async def _expire(self, user: str) -> None:
        await asyncio.sleep(5.0)
        await self._broadcast({"user": user, "typing": False})

    async def close(self) -> None:
        for task in self._timers.values():
            task.cancel()


class PresenceHub:
    def __init__(self, broadcast) -> None:
        self._typing = TypingIndicators(broadcast)
        self._presence = Presence(broadcast)

    async def serve(self, reader: asyncio.StreamReader) -> None:
        async for line in reader:
            event = json.loads(line)
            if event["type"] == "typing":
                self._typing.on_typing(event["user"])
                self._presence.on_typing(event["user"])

    async def close(self) -> None:
        await self._typing.close()
        await self._presence.close()

"""Each typing event stores a new expiry timer under the user, with the running one not
cancelled (`TypingIndicators`); `Presence`, the near miss, pops and cancels it first. The loop
that calls them again is in hub.py, which spawns nothing: the store's question has it read."""

import asyncio


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

import asyncio


class TypingIndicators:
    def __init__(self, broadcast) -> None:
        self._broadcast = broadcast
        self._timers: dict[str, asyncio.Task] = {}

    def on_typing(self, user: str) -> None:
        self._timers[user] = asyncio.create_task(self._expire(user))

    async def _expire(self, user: str) -> None:
        await self._broadcast({"user": user, "typing": True})
        await asyncio.sleep(5.0)
        await self._broadcast({"user": user, "typing": False})

    async def close(self) -> None:
        for task in self._timers.values():
            task.cancel()

import asyncio
from typing import Dict

from .protocol import encode


class Presence:
    """Typing indicators: 'typing' is shown for five seconds after each keystroke event."""

    def __init__(self, broadcast) -> None:
        self._broadcast = broadcast
        self._typing: Dict[str, asyncio.Task] = {}

    def on_typing(self, client_id: str) -> None:
        self._typing[client_id] = asyncio.create_task(self._clear_after(client_id, 5.0))

    async def _clear_after(self, client_id: str, delay: float) -> None:
        await self._broadcast(encode("typing", client=client_id, on=True))
        await asyncio.sleep(delay)
        await self._broadcast(encode("typing", client=client_id, on=False))

    def close(self) -> None:
        for task in self._typing.values():
            task.cancel()

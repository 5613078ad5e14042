"""The same handler, registered for every text message, but it cancels the client's running turn
before it starts the next one: the entry it overwrites holds a task already ended."""

from __future__ import annotations

import asyncio

from .turns import start_turn


class ChatHandler:
    def __init__(self, bus) -> None:
        self.turns: dict[str, asyncio.Task[None]] = {}
        bus.subscribe("text", self.on_text)

    async def on_text(self, client_id: str, text: str) -> None:
        running = self.turns.get(client_id)
        if running is not None:
            running.cancel()
        await start_turn(client_id, text, self.turns)

    async def on_disconnect(self, client_id: str) -> None:
        task = self.turns.pop(client_id, None)
        if task is not None:
            task.cancel()

"""One handler per server, registered for every text message: a second message from the same
client overwrites the running turn's entry, and nothing cancels the turn it held. Whose dict it
is does not change that: the running turn is orphaned."""

from __future__ import annotations

import asyncio

from .turns import start_turn


class ChatHandler:
    def __init__(self, bus) -> None:
        self.turns: dict[str, asyncio.Task[None]] = {}
        bus.subscribe("text", self.on_text)

    async def on_text(self, client_id: str, text: str) -> None:
        await start_turn(client_id, text, self.turns)

    async def on_disconnect(self, client_id: str) -> None:
        task = self.turns.pop(client_id, None)
        if task is not None:
            task.cancel()

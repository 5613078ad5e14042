"""A chat relay: one reply task per client, keyed by the id the message carries. A second message
from the same client replaces the entry while the first reply still runs."""

import asyncio


class Relay:
    def __init__(self, backend, bus) -> None:
        bus.subscribe("message", self.handle_message)
        self._backend = backend
        self._replies: dict[str, asyncio.Task[None]] = {}

    async def handle_message(self, message: dict[str, str]) -> None:
        client_id = message["client_id"]
        self._replies[client_id] = asyncio.create_task(self._reply(message))

    async def _reply(self, message: dict[str, str]) -> None:
        await self._backend.answer(message)

    async def on_disconnect(self, client_id: str) -> None:
        task = self._replies.pop(client_id, None)
        if task is not None:
            task.cancel()

"""The relay again, but a client's second message waits for its first reply: the entry is only
written when no reply is running, and the disconnect cancels it."""

import asyncio


class Relay:
    def __init__(self, backend) -> None:
        self._backend = backend
        self._replies: dict[str, asyncio.Task[None]] = {}

    async def handle_message(self, message: dict[str, str]) -> None:
        client_id = message["client_id"]
        if client_id not in self._replies or self._replies[client_id].done():
            self._replies[client_id] = asyncio.create_task(self._reply(message))

    async def _reply(self, message: dict[str, str]) -> None:
        await self._backend.answer(message)

    async def on_disconnect(self, client_id: str) -> None:
        task = self._replies.pop(client_id, None)
        if task is not None:
            task.cancel()

"""A typing indicator per session, kept in a dict by session id: each loop runs until cancelled,
and only `_stop_typing(sid)` ends one, for the session whose reply went out. The bot's
`stop()` closes its client and ends none of the loops still typing: they run on after the bot
stopped (TL201). The per-key end's name is close-like; it is still no close of the bot."""

import asyncio


class Client:
    async def send(self, sid: str, text: str) -> None:
        await asyncio.sleep(0)

    async def close(self) -> None:
        await asyncio.sleep(0)


class Bot:
    def __init__(self) -> None:
        self._client = Client()
        self._typing: dict[str, asyncio.Task[None]] = {}

    async def on_message(self, sid: str, text: str) -> None:
        if sid not in self._typing:
            self._typing[sid] = asyncio.create_task(self._type(sid))
        await self._client.send(sid, text.upper())
        self._stop_typing(sid)

    def _stop_typing(self, sid: str) -> None:
        task = self._typing.pop(sid, None)
        if task is not None:
            task.cancel()

    async def _type(self, sid: str) -> None:
        while True:
            await self._client.send(sid, "...")
            await asyncio.sleep(5)

    async def stop(self) -> None:
        await self._client.close()

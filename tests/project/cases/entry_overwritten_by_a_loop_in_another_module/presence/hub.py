import asyncio
import json

from .indicators import Presence, TypingIndicators


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

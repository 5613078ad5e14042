import asyncio


class PubSub:
    def __init__(self, messages: "asyncio.Queue[str]") -> None:
        self.messages = messages
        self._listener: "asyncio.Task[None] | None" = None

    def on_reconnect(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
        self._listener = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        while True:
            await self.messages.get()

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()


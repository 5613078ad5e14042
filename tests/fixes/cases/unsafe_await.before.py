import asyncio


class Chat:
    def __init__(self, send) -> None:
        self._send = send

    async def reply(self, text: str) -> None:
        asyncio.create_task(self._send(text))

    async def reply_all(self, texts: list[str]) -> None:
        for text in texts:
            asyncio.create_task(self._send(text))

    async def start(self) -> None:
        asyncio.create_task(self._heartbeat())

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(30)

    async def switch(self) -> None:
        # Loading takes seconds: keep it in the background.
        asyncio.create_task(self._send("loading"))

    def sync_reply(self, text: str) -> None:
        asyncio.create_task(self._send(text))

    async def named(self, text: str) -> None:
        pending = asyncio.create_task(self._send(text), name="reply")

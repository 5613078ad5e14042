import asyncio


class Session:
    def __init__(self, ws) -> None:
        self.ws = ws

    async def switch(self, name: str) -> None:
        async def finish() -> None:
            await self.ws.send(name)

        def kick_off() -> None:
            asyncio.create_task(finish())

        kick_off()

    async def aclose(self) -> None:
        await self.ws.close()

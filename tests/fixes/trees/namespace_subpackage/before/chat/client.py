import asyncio


class Client:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, text: str) -> None:
        await asyncio.sleep(0)
        self.sent.append(text)

    def schedule(self, text: str) -> None:
        asyncio.get_running_loop().create_task(self.send(text))

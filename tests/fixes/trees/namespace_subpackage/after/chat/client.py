import asyncio

from chat._background_tasks import keep_task


class Client:
    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send(self, text: str) -> None:
        await asyncio.sleep(0)
        self.sent.append(text)

    def schedule(self, text: str) -> None:
        keep_task(asyncio.get_running_loop().create_task(self.send(text)))

import asyncio


class Poller:
    def __init__(self, url: str, interval: float) -> None:
        self.url = url
        self.interval = interval

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)

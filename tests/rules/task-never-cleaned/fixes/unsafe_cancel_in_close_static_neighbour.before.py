import asyncio


class Sender:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    @staticmethod
    def make(delay: float) -> "Sender":
        return Sender()

    @classmethod
    def default(cls) -> "Sender":
        return cls()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._worker())

    async def _worker(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        print("closing")

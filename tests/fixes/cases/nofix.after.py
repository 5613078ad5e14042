import asyncio

HISTORY = []


async def work(n: int = 0) -> None:
    await asyncio.sleep(0)


async def pump() -> None:
    while True:
        await asyncio.sleep(1)


async def schedule() -> None:
    asyncio.wait_for(pump(), 1)


async def on_message() -> None:
    HISTORY.append(asyncio.create_task(work()))


class Poller:
    def __init__(self) -> None:
        self._task = None

    async def start(self) -> None:
        self._task = asyncio.create_task(work())


class Streams:
    def __init__(self) -> None:
        self._current = None

    async def run(self, items: list[int]) -> None:
        for item in items:
            self._current = asyncio.create_task(work(item))
        await asyncio.sleep(0)

    async def close(self) -> None:
        if self._current is not None:
            self._current.cancel()

import asyncio

PENDING = set()


class Queue:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_message(self, message: str) -> None:
        task = asyncio.create_task(self._forward(message))
        self._tasks.add(task)

    async def on_event(self, message: str) -> None:
        self._tasks.add(asyncio.create_task(self._forward(message)))

    async def _forward(self, message: str) -> None:
        await asyncio.sleep(0)


async def handle_request(message: str) -> None:
    PENDING.add(asyncio.ensure_future(asyncio.sleep(0)))

import asyncio


class Driver:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._sweeper_of_stale_sessions: asyncio.Task[None] | None = None

    def send(self, message: str) -> None:
        asyncio.run_coroutine_threadsafe(self.post(message), self._loop)

    async def post(self, message: str) -> None:
        await asyncio.sleep(0)

    async def start(self) -> None:
        self._sweeper_of_stale_sessions = asyncio.create_task(self.post("x"))

    async def close(self) -> None:
        print("closing")

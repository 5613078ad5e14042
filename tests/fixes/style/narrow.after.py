import asyncio
import concurrent.futures
from typing import Any


class Driver:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._sweeper_of_stale_sessions: asyncio.Task[None] | None = None
        self._background_futures: set[
            concurrent.futures.Future[Any]
        ] = set()

    def send(self, message: str) -> None:
        future = asyncio.run_coroutine_threadsafe(
            self.post(message), self._loop
        )
        self._background_futures.add(future)
        future.add_done_callback(
            self._background_futures.discard
        )

    async def post(self, message: str) -> None:
        await asyncio.sleep(0)

    async def start(self) -> None:
        self._sweeper_of_stale_sessions = asyncio.create_task(self.post("x"))

    async def close(self) -> None:
        print("closing")
        if self._sweeper_of_stale_sessions is not None:
            self._sweeper_of_stale_sessions.cancel()
            await asyncio.gather(
                self._sweeper_of_stale_sessions,
                return_exceptions=True,
            )

import asyncio
import concurrent.futures
import logging
from typing import Any, TypeVar

_background_futures: set[
    concurrent.futures.Future[Any]
] = set()
_FutureT = TypeVar(
    "_FutureT", bound=concurrent.futures.Future[Any]
)


def _keep_future(future: _FutureT) -> _FutureT:
    """Keep the future until it is done; log its error."""
    _background_futures.add(future)
    future.add_done_callback(_keep_future_done)
    return future


def _keep_future_done(
    future: concurrent.futures.Future[Any],
) -> None:
    _background_futures.discard(future)
    if future.cancelled():
        return
    error = future.exception()
    if error is not None:
        logging.getLogger(__name__).error(
            "background future failed", exc_info=error
        )


class Driver:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._sweeper_of_stale_sessions: asyncio.Task[None] | None = None

    def send(self, message: str) -> None:
        _keep_future(
            asyncio.run_coroutine_threadsafe(
                self.post(message), self._loop
            )
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

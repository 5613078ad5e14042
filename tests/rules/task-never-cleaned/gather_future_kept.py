"""An optionally awaitable result: the gather runs at once and is kept, but only a caller that
awaits the object ever waits for it, and nothing cancels it."""

from asyncio import Future, gather
from typing import Any, Awaitable, Generator


class AwaitComplete:
    def __init__(self, *awaitables: Awaitable[Any]) -> None:
        self._awaitables = awaitables
        self._future: Future[Any] = gather(*awaitables)

    def __await__(self) -> Generator[Any, None, Any]:
        return self._future.__await__()

    @property
    def is_done(self) -> bool:
        return self._future.done()

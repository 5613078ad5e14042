"""An optionally awaitable result: the gather runs at once and is kept, but only a caller that
awaits the object ever waits for it, and nothing cancels it. Given awaitables that are not
followed (a Future is gathered as it is), no claim is made; given coroutines, the tasks the
gather makes are kept and never ended."""

from asyncio import Future, gather
from collections.abc import Coroutine
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


class AwaitCoroutines:
    def __init__(self, *coroutines: Coroutine[Any, Any, Any]) -> None:
        self._future: Future[Any] = gather(*coroutines)

    def __await__(self) -> Generator[Any, None, Any]:
        return self._future.__await__()

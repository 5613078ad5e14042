"""An awaitable whose `__await__` spawns its work and delegates the await to the task:
`yield from task.__await__()` waits for it, as `await task` would."""

import asyncio
from collections.abc import Coroutine, Generator
from typing import Any


class Deferred:
    def __init__(self, coro: Coroutine[Any, Any, int]) -> None:
        self._coro = coro

    def __await__(self) -> Generator[Any, None, int]:
        task = asyncio.ensure_future(self._coro)
        return (yield from task.__await__())

"""A connection that starts its handshake as a task and is itself awaitable: `__await__`
delegates to the task, and `__aenter__` awaits the connection, so the task is awaited."""

import asyncio
from collections.abc import Coroutine, Generator
from typing import Any


class Connection:
    def __init__(self, handshake: Coroutine[Any, Any, None]) -> None:
        self._handshake = asyncio.ensure_future(handshake)

    def __await__(self) -> Generator[Any, None, None]:
        return self._handshake.__await__()

    async def __aenter__(self) -> "Connection":
        await self
        return self

    async def __aexit__(self, *exc: object) -> None:
        pass

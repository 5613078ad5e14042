"""tornado's shape: a plain `def` annotated `-> Awaitable[...]` returns a Future, and a
`@gen.coroutine` returns one too; calling either makes no coroutine."""

import asyncio
from collections.abc import Awaitable

from tornado import gen


class Condition:
    def __init__(self) -> None:
        self._waiters: list[asyncio.Future[bool]] = []

    def wait(self) -> Awaitable[bool]:
        waiter: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        return waiter

    async def notify_later(self) -> None:
        await asyncio.sleep(0)


class BoundedCondition(Condition):
    """Inherits `wait()`: its call gives a Future too."""


def later() -> "asyncio.Future[int]":
    return asyncio.get_running_loop().create_future()


@gen.coroutine
def legacy():
    yield gen.sleep(0)

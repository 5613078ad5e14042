"""tornado's locks: `Semaphore.acquire()` and `Event.wait()` are plain `def`s annotated
`-> Awaitable[...]` that return a Future they make: a call of either gives no coroutine."""

import asyncio
from collections.abc import Awaitable


class Semaphore:
    def __init__(self, value: int = 1) -> None:
        self._value = value
        self._waiters: list[asyncio.Future[None]] = []

    def acquire(self) -> Awaitable[None]:
        waiter: asyncio.Future[None] = asyncio.Future()
        if self._value > 0:
            self._value -= 1
            waiter.set_result(None)
        else:
            self._waiters.append(waiter)
        return waiter


class BoundedSemaphore(Semaphore):
    """Inherits `acquire()`."""


class Event:
    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[None]] = set()

    def wait(self) -> Awaitable[None]:
        fut: asyncio.Future[None] = asyncio.Future()
        self._waiters.add(fut)
        return fut


class Runner:
    async def start(self) -> None:
        await asyncio.sleep(0)

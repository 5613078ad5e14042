"""tornado's `Lock.acquire()` shape, in one module: a plain `def` annotated `-> Awaitable[...]`
that returns the call of an object it holds. `Lock.acquire()` returns what
`BoundedSemaphore.acquire()` gives (inherited from `Semaphore`, which returns the Future it
makes): `ensure_future` of it makes no task, no row. The near miss, `Gate.acquire()`, returns a
call of `Runner.start()`, an `async def`: a coroutine, whose task is dropped (high)."""

import asyncio
from collections.abc import Awaitable


class Semaphore:
    def __init__(self) -> None:
        self._waiters: list[asyncio.Future[None]] = []

    def acquire(self) -> Awaitable[None]:
        waiter: asyncio.Future[None] = asyncio.Future()
        self._waiters.append(waiter)
        return waiter


class BoundedSemaphore(Semaphore):
    pass


class Lock:
    def __init__(self) -> None:
        self._block = BoundedSemaphore()

    def acquire(self) -> Awaitable[None]:
        return self._block.acquire()


class Runner:
    async def start(self) -> None:
        await asyncio.sleep(0)


class Gate:
    def __init__(self) -> None:
        self._runner = Runner()

    def acquire(self) -> Awaitable[None]:
        return self._runner.start()


def no_task(lock: Lock) -> None:
    asyncio.ensure_future(lock.acquire())


def a_task(gate: Gate) -> None:
    asyncio.ensure_future(gate.acquire())

"""`ensure_future(x)` and `shield(x)` make a task only of a coroutine: a Future or an awaitable
the code types as no coroutine is returned as it is, and no row is made (tornado's `Semaphore`
methods are plain `def`s annotated `-> Awaitable[...]` that return a Future). The near misses
make tasks: an `async def`'s call, a call nothing types, a value annotated `Coroutine`; a value
that is not followed (an untyped parameter) is a low row that says so."""

import asyncio
import concurrent.futures
from collections.abc import Awaitable, Coroutine
from typing import Any

from tornado import gen


class Semaphore:
    def acquire(self) -> Awaitable[None]:
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        return waiter

    async def wait(self) -> None:
        await asyncio.sleep(0)


def later() -> "asyncio.Future[int]":
    return asyncio.get_running_loop().create_future()


@gen.coroutine
def legacy():
    yield gen.sleep(0)


def blocking() -> int:
    return 1


async def no_task(sem: Semaphore, done: asyncio.Future[None],
                  pool: concurrent.futures.ThreadPoolExecutor) -> None:
    loop = asyncio.get_running_loop()
    asyncio.ensure_future(sem.acquire())
    asyncio.ensure_future(loop.create_future())
    asyncio.ensure_future(loop.run_in_executor(pool, blocking))
    asyncio.ensure_future(later())
    asyncio.ensure_future(legacy())
    asyncio.ensure_future(done)
    asyncio.shield(later())


async def tasks(sem: Semaphore, coro: Coroutine[Any, Any, None], client: Any) -> None:
    asyncio.ensure_future(sem.wait())  # an async def: a task, dropped
    asyncio.ensure_future(coro)  # annotated a coroutine
    asyncio.ensure_future(client.send(b"x"))  # a call nothing types otherwise


async def not_followed(awaitable) -> None:
    asyncio.ensure_future(awaitable)  # a parameter: a Future or a coroutine, not known


async def either(sem: Semaphore, quick: bool) -> None:
    asyncio.ensure_future(sem.wait() if quick else sem.wait())  # both sides coroutines: a task
    asyncio.ensure_future(sem.acquire() if quick else later())  # both Futures: none

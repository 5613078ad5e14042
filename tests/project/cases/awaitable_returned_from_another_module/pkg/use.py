import asyncio

from pkg import lock


async def no_task() -> None:
    asyncio.ensure_future(lock.Lock().acquire())  # a Future: no task, no row
    q = lock.Queue()
    asyncio.ensure_future(q.join())


async def a_task() -> None:
    asyncio.ensure_future(lock.Gate().acquire())  # a coroutine's task, dropped

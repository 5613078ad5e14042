import asyncio

from pkg import compat, locks
from pkg.locks import BoundedCondition, legacy, later


async def no_task(c: locks.Condition) -> None:
    asyncio.ensure_future(c.wait())  # a Future: no task, no row
    made = locks.Condition()
    asyncio.ensure_future(made.wait())
    asyncio.ensure_future(BoundedCondition().wait())  # inherited
    asyncio.ensure_future(later())
    asyncio.ensure_future(compat.later())  # re-exported
    asyncio.ensure_future(compat.Condition().wait())
    asyncio.ensure_future(legacy())


async def tasks(c: locks.Condition) -> None:
    # the near misses: an `async def` of the same class, a callee the project does not define
    asyncio.ensure_future(c.notify_later())
    asyncio.ensure_future(asyncio.sleep(1))

"""A pool whose `release()` wakes its waiters in a task it returns (aiomysql's shape): the
caller decides what becomes of it."""

import asyncio


class Pool:
    def release(self, conn: object) -> "asyncio.Future[None]":
        return asyncio.ensure_future(self._wakeup())

    async def _wakeup(self) -> None:
        await asyncio.sleep(0)


def make_pool() -> Pool:
    return Pool()

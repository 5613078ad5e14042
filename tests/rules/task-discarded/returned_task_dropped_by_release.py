"""A project method named like a lock's `release()` that returns a task: a statement dropping
what it returns drops the task. The name says nothing; the call's resolved callee does."""

import asyncio


class Pool:
    def __init__(self) -> None:
        self._free: list[object] = []

    def release(self, conn: object) -> asyncio.Task[None]:
        self._free.append(conn)
        return asyncio.get_running_loop().create_task(self._wakeup())

    async def _wakeup(self) -> None:
        await asyncio.sleep(0)


class PoolConnection:
    def __init__(self, pool: Pool, conn: object) -> None:
        self._pool = pool
        self._conn = conn
        self._lock = asyncio.Lock()

    def __exit__(self, *exc: object) -> None:
        self._pool.release(self._conn)  # the wake-up task is dropped
        self._lock.release()  # a lock's release: no task

    async def __aexit__(self, *exc: object) -> None:
        await self._pool.release(self._conn)

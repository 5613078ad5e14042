"""Health checks: each database's check task goes into `self._checks` (gathered, cancelled on
close) and is also the key of a local lookup table from task to database. The table is
bookkeeping; the set is the owner."""

import asyncio


class MultiDbClient:
    def __init__(self, databases: list[str]) -> None:
        self._databases = databases
        self._checks: set[asyncio.Task[bool]] = set()

    async def check_all(self) -> dict[str, bool]:
        task_to_db: dict[asyncio.Task[bool], str] = {}
        for db in self._databases:
            task = asyncio.create_task(self._check(db))
            self._checks.add(task)
            task_to_db[task] = db
        results = await asyncio.gather(*self._checks, return_exceptions=True)
        self._checks.clear()
        return {task_to_db[t]: r is True for t, r in zip(task_to_db, results)}

    async def _check(self, db: str) -> bool:
        await asyncio.sleep(0)
        return True

    async def aclose(self) -> None:
        for task in self._checks:
            task.cancel()

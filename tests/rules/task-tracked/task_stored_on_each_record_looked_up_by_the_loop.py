"""A transfer manager retries the transfers it is given by id: each turn of the loop looks the
record up by that turn's id (`record = self._records.get(job_id)`, `self._records[job_id]`)
and starts it, which stores the new task on the record (`record.task`); every turn stores on
another record, so no store overwrites a task an earlier turn stored there, and `cancel()` ends
the one a record holds (low). The near miss: `Restarter.restart_current()` binds the same
record (`self._current`) on each turn and starts it over the task it stored the turn before
(medium)."""

import asyncio


class Record:
    def __init__(self, job_id: str) -> None:
        self.job_id = job_id
        self.task: asyncio.Task[None] | None = None


async def transfer(record: Record) -> None:
    await asyncio.sleep(1)


class Transfers:
    def __init__(self) -> None:
        self._records: dict[str, Record] = {}

    def _start(self, record: Record) -> None:
        record.task = asyncio.create_task(transfer(record))

    def retry(self, job_ids: list[str]) -> None:
        for job_id in job_ids:
            record = self._records.get(job_id)
            if record is None:
                continue
            self._start(record)

    def retry_by_key(self, job_ids: list[str]) -> None:
        for job_id in job_ids:
            record = self._records[job_id]
            self._start(record)

    async def cancel(self, job_id: str) -> None:
        record = self._records[job_id]
        if record.task is not None:
            record.task.cancel()


class Restarter:
    def __init__(self, current: Record) -> None:
        self._current = current

    def _start(self, record: Record) -> None:
        record.task = asyncio.create_task(transfer(record))

    async def restart_current(self) -> None:
        for _ in range(3):
            record = self._current
            self._start(record)
            await asyncio.sleep(1)

    async def cancel(self) -> None:
        if self._current.task is not None:
            self._current.task.cancel()

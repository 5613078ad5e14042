"""A task put into a queue (`await self.results.put((job_id, task))`, `put_nowait(task)`) is
handed to whoever gets it from the queue: a consumer's `get()` takes it out, and what the
consumer does with it is not followed, so no claim is made (low). Near miss: the same task
appended to a list that nothing prunes only grows (TL202)."""

import asyncio
from typing import Any


class Actor:
    def __init__(self, results: Any) -> None:
        self.results = results
        self.history: list[asyncio.Task[int]] = []

    async def work(self, job_id: int) -> int:
        await asyncio.sleep(0.1)
        return job_id

    async def on_message(self, job_id: int) -> None:
        task = asyncio.create_task(self.work(job_id))
        await self.results.put((job_id, task))

    def on_message_nowait(self, job_id: int) -> None:
        self.results.put_nowait(asyncio.create_task(self.work(job_id)))

    def on_message_kept(self, job_id: int) -> None:
        self.history.append(asyncio.create_task(self.work(job_id)))


class Collector:
    def __init__(self, results: Any) -> None:
        self.results = results

    async def run(self) -> None:
        while True:
            job_id, task = await self.results.get()
            print(job_id, await task)

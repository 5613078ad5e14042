"""The near miss of task-never-cleaned's `kept_in_a_dataclass_field`: the dispatcher's `close()`
puts `None` in each worker's queue and cancels its task, through the field the dataclass's
generated `__init__` keeps it in. Held by the field and ended there: low."""

import asyncio
import dataclasses


@dataclasses.dataclass
class Worker:
    queue: "asyncio.Queue[str | None]"
    task: "asyncio.Task[None]"


class Dispatcher:
    def __init__(self) -> None:
        self._workers: dict[str, Worker] = {}

    async def _account_loop(self, queue: "asyncio.Queue[str | None]") -> None:
        while True:
            print(await queue.get())

    def worker(self, account: str) -> Worker:
        found = self._workers.get(account)
        if found is None:
            queue: asyncio.Queue[str | None] = asyncio.Queue()
            found = Worker(queue=queue, task=asyncio.create_task(self._account_loop(queue)))
            self._workers[account] = found
        return found

    async def close(self) -> None:
        for worker in self._workers.values():
            worker.queue.put_nowait(None)
            worker.task.cancel()
        self._workers.clear()

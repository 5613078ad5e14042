"""A per-account worker loop handed straight to a `@dataclass` whose generated `__init__` keeps
it in the field `task` (by keyword), the worker kept in a dict; nothing awaits or cancels a
worker's task (fastmeow's shape, with no close). The field holds the task: TL201, as for a
task stored there. Near miss: task-tracked's `kept_in_a_dataclass_field_and_cancelled`."""

import asyncio
import dataclasses


@dataclasses.dataclass
class Worker:
    queue: "asyncio.Queue[str]"
    task: "asyncio.Task[None]"


class Dispatcher:
    def __init__(self) -> None:
        self._workers: dict[str, Worker] = {}

    async def _account_loop(self, queue: "asyncio.Queue[str]") -> None:
        while True:
            print(await queue.get())

    def worker(self, account: str) -> Worker:
        found = self._workers.get(account)
        if found is None:
            queue: asyncio.Queue[str] = asyncio.Queue()
            found = Worker(queue=queue, task=asyncio.create_task(self._account_loop(queue)))
            self._workers[account] = found
        return found

"""`self._tm.add(task)` where `self._tm` is a `TaskManager()`: `add` is that class's method (it
keeps the task in a set pruned by a done-callback and gathers it on exit), not a collection's,
so the task is handed to it, not put in a collection that only grows; so for a local bound by
`async with TaskManager() as manager`. The near misses: a plain `set()` that only grows, and a
dataclass field annotated `set[...]` whose value is a `field(...)` call: a set all the same."""

import asyncio
import dataclasses


class TaskManager:
    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[None]] = set()

    def add(self, task: asyncio.Task[None]) -> None:
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def __aenter__(self) -> "TaskManager":
        return self

    async def __aexit__(self, *_: object) -> None:
        await asyncio.gather(*self.tasks)


class Driver:
    def __init__(self) -> None:
        self._tm = TaskManager()
        self._seen: set[asyncio.Task[None]] = set()

    async def listen(self) -> None:
        watcher = asyncio.create_task(self.watch())
        self._tm.add(watcher)

    async def remember(self) -> None:
        self._seen.add(asyncio.create_task(self.watch()))  # a set nothing prunes

    async def watch(self) -> None:
        await asyncio.sleep(1)


@dataclasses.dataclass
class Watchdog:
    tasks: set[asyncio.Task[None]] = dataclasses.field(default_factory=set)

    def on_event(self) -> None:
        self.tasks.add(asyncio.create_task(work(0)))  # a set nothing prunes


async def run(jobs: list[int]) -> None:
    async with TaskManager() as manager:
        for job in jobs:
            manager.add(asyncio.create_task(work(job)))


async def work(job: int) -> None:
    await asyncio.sleep(job)

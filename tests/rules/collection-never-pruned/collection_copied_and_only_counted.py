"""Near miss of task-tracked/collection_copied_then_cancelled: the owner's stop copies its set
into a local list and only counts it: nothing prunes, awaits or cancels the tasks, so the set
only grows."""

import asyncio


class Client:
    def __init__(self) -> None:
        self._all_tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._all_tasks.update({asyncio.create_task(self._consumer())})

    async def stop(self) -> None:
        tasks: list[asyncio.Task[None]] = []
        tasks.extend(self._all_tasks)
        print(f"{len(tasks)} tasks running")

    async def _consumer(self) -> None:
        while True:
            await asyncio.sleep(1)

"""The owner's stop copies its set into a local list, clears the set, then cancels and gathers
each task of the copy: the copy's ends are the set's (the near miss, a copy only counted, is
collection-never-pruned's `collection_copied_and_only_counted`)."""

import asyncio


class Client:
    def __init__(self) -> None:
        self._all_tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._all_tasks.update({asyncio.create_task(self._consumer())})

    async def stop(self) -> None:
        tasks: list[asyncio.Task[None]] = []
        if self._all_tasks:
            tasks.extend(self._all_tasks)
            self._all_tasks.clear()
            for task in tasks:
                task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _consumer(self) -> None:
        while True:
            await asyncio.sleep(1)

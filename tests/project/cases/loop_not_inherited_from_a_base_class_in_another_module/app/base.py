"""The bases of the classes in nodes.py, whose attributes hold no loop: a scheduler of the
project (its `call_soon` keeps and ends what it runs), and an asyncio loop where nodes.py asks
for a tornado IOLoop."""

import asyncio


class Scheduler:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def call_soon(self, coro: object) -> asyncio.Task[None]:
        task = asyncio.get_event_loop().create_task(coro)  # type: ignore[arg-type]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def close(self) -> None:
        for task in self._tasks:
            task.cancel()


class Node:
    def __init__(self) -> None:
        self.group: Scheduler = Scheduler()
        self.evloop: asyncio.AbstractEventLoop = asyncio.get_event_loop()

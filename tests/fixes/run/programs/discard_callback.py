"""discard-callback: a set of tasks that only grows; finished tasks must leave it."""

import asyncio

from runkit import done, gate

FIX = "discard-callback"
EVIDENCE = "held"  # finished tasks are no leak to track(): the set's size is the evidence
EXPECTED_DONE = 2


class Queue:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_message(self, message: str) -> None:
        task = asyncio.create_task(self._forward(message))
        self._tasks.add(task)

    async def _forward(self, message: str) -> None:
        await gate()
        done(message)


async def drive_start() -> Queue:
    queue = Queue()
    await queue.on_message("a")
    await queue.on_message("b")
    return queue

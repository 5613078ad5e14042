"""The near miss of task-tracked's `spawned_in_a_pytest_fixture`: the same generator as an async
context manager. An error in the `with` body is thrown in at the `yield`, and the code after it
never runs: the emitter loop is left running. No `finally` ends it."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


async def emit() -> None:
    while True:
        await asyncio.sleep(1)


@asynccontextmanager
async def emitter() -> AsyncIterator[None]:
    task = asyncio.create_task(emit())
    yield
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)

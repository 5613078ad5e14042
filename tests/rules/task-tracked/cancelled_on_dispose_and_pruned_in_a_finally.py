"""Near miss of collection-never-pruned/pruned_at_end_of_body_and_cancelled_on_dispose: the
worker removes its task in a `finally`, so a cancelled or failed worker leaves the set too."""

import asyncio
from collections.abc import AsyncIterable, Awaitable, Callable
from typing import Any


def of_async_iterable(iterable: AsyncIterable[int]) -> Callable[[], Awaitable[Callable[[], None]]]:
    tasks: set[asyncio.Task[Any]] = set()

    async def subscribe() -> Callable[[], None]:
        def cancel() -> None:
            task.cancel()

        async def worker() -> None:
            try:
                async for value in iterable:
                    print(value)
            finally:
                tasks.discard(task)

        task = asyncio.create_task(worker())
        tasks.add(task)
        return cancel

    return subscribe

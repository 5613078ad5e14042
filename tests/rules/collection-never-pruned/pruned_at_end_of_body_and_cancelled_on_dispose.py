"""An observable of an async iterable: each subscription's worker removes its task from the
set at the end of its body, and the subscription's disposable cancels it. A cancel ends the
task but is exactly what makes it skip its removal (so does an error): the set keeps one
finished task per cancelled or failed subscription."""

import asyncio
from collections.abc import AsyncIterable, Awaitable, Callable
from typing import Any


def of_async_iterable(iterable: AsyncIterable[int]) -> Callable[[], Awaitable[Callable[[], None]]]:
    tasks: set[asyncio.Task[Any]] = set()

    async def subscribe() -> Callable[[], None]:
        def cancel() -> None:
            task.cancel()

        async def worker() -> None:
            async for value in iterable:
                print(value)
            tasks.remove(task)

        task = asyncio.create_task(worker())
        tasks.add(task)
        return cancel

    return subscribe

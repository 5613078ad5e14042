"""An observable adapter keeps the dispose tasks in a set local to the function that builds it;
the `dispose()` closure that spawns them is handed on (and outlives that function), so the set
is its closure variable, not a dropped local. Nothing removes a dispose task from it: it only
grows, one task per dispose. The subscription's own task is pruned by its done-callback."""

import asyncio
from collections.abc import Callable
from typing import Any


async def dispose_subscription() -> None:
    await asyncio.sleep(0)


async def run() -> None:
    await asyncio.sleep(0)


def to_observable() -> Callable[[], Callable[[], None]]:
    tasks: set[asyncio.Task[Any]] = set()

    def subscribe() -> Callable[[], None]:
        task = asyncio.create_task(run())
        tasks.add(task)
        task.add_done_callback(lambda _: tasks.discard(task))

        def dispose() -> None:
            task = asyncio.create_task(dispose_subscription())
            tasks.add(task)

        return dispose

    return subscribe

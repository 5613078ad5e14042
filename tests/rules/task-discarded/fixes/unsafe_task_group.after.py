import asyncio
from typing import Any, TypeVar

import anyio

_background_tasks: set[asyncio.Task[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


async def work(n: int = 0, *, flag: bool = False) -> None:
    await asyncio.sleep(0)


async def fan_out(items: list[int]) -> None:
    async with asyncio.TaskGroup() as tg:
        for item in items:
            tg.create_task(work(item), name=f"work-{item}")
        pending = tg.create_task(work())


async def with_anyio(items: list[int]) -> None:
    async with anyio.create_task_group() as group:
        group.start_soon(work, *items)
        await work(1, flag=True)

        def later() -> None:
            _keep_task(asyncio.create_task(work(3)))

        group.start_soon(anyio.to_thread.run_sync, later)

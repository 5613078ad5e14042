import asyncio
from typing import Any, TypeVar

_background_tasks: set[asyncio.Task[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


async def work() -> None:
    await asyncio.sleep(0)


async def start(ready: asyncio.Event) -> None:
    _keep_task(asyncio.create_task(work()))
    # a hard reference, so the task is not garbage collected (it is not: the frame goes on)
    await ready.wait()


async def other(ready: asyncio.Event) -> None:
    kept = _keep_task(asyncio.create_task(work()))  # noqa: F841,E501 the name documents it
    await ready.wait()

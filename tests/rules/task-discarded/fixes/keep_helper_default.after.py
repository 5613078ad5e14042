import asyncio
from typing import Any, TypeVar

_background_tasks: set[asyncio.Future[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Future[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


async def warm_up() -> None:
    await asyncio.sleep(0)


def handler(started=_keep_task(asyncio.ensure_future(warm_up()))) -> None:
    pass


class Plugin:
    loader = asyncio.ensure_future(warm_up())

    def __init__(self, ready=_keep_task(asyncio.ensure_future(warm_up()))) -> None:
        self.ready = ready

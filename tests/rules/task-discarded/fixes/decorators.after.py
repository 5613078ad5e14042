import asyncio
import functools
from typing import Any, TypeVar

_background_tasks: set[asyncio.Task[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


class Bot:
    def __init__(self) -> None:
        self.name = "bot"

    @logged
    async def on_ready(self) -> None:
        _keep_task(asyncio.create_task(self.greet()))

    async def greet(self) -> None:
        await asyncio.sleep(0)

    @staticmethod
    def beat() -> None:
        _keep_task(asyncio.create_task(asyncio.sleep(1)))

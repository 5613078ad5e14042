import asyncio
import functools
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


class Bot:
    def __init__(self) -> None:
        self.name = "bot"
        self._background_tasks: set[asyncio.Task[Any]] = set()

    @logged
    async def on_ready(self) -> None:
        task = asyncio.create_task(self.greet())
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    async def greet(self) -> None:
        await asyncio.sleep(0)

    @staticmethod
    def beat() -> None:
        task = asyncio.create_task(asyncio.sleep(1))
        _background_tasks.add(task)
        task.add_done_callback(_background_tasks.discard)

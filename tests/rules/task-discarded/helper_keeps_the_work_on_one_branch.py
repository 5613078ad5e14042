"""A helper that spawns while a loop runs and otherwise buffers the work for later: a call
loses its task only on one path, which the call does not show, so the call is no finding (the
drop is reported inside the helper). The near misses keep the work on no path: one spawns
on every path, one spawns a coroutine function and calls a plain one: each call loses its
task."""

import asyncio
import inspect
from collections.abc import Coroutine
from typing import Any


class LoopWrapper:
    def __init__(self) -> None:
        self.tasks: list[Coroutine[Any, Any, None]] = []

    def add_task(self, task: Coroutine[Any, Any, None]) -> None:
        try:
            running_loop = asyncio.get_running_loop()
        except RuntimeError:
            running_loop = None
        if running_loop is not None:
            running_loop.create_task(task)
        else:
            self.tasks.append(task)

    def spawn_now(self, task: Coroutine[Any, Any, None]) -> None:
        asyncio.get_running_loop().create_task(task)

    def timer(self, func: Any) -> Any:
        self.add_task(func())
        self.spawn_now(func())
        run_coroutine_or_function(func)
        return func


def run_coroutine_or_function(func: Any, *args: Any) -> None:
    if inspect.iscoroutinefunction(func):
        asyncio.ensure_future(func(*args))
    else:
        func(*args)

"""Spawn helpers on the loop core.py types: `create` keeps each task until it is done; `start`
spawns on an object no module types as a loop, so it is no helper."""

import asyncio
from collections.abc import Coroutine
from typing import Any

from ui import core

running_tasks: set[asyncio.Task[Any]] = set()


def create(coroutine: Coroutine[Any, Any, Any], *, name: str = "task") -> asyncio.Task[Any]:
    assert core.loop is not None
    task = core.loop.create_task(coroutine, name=name)
    running_tasks.add(task)
    task.add_done_callback(running_tasks.discard)
    return task


def start(coroutine: Coroutine[Any, Any, Any]) -> Any:
    return core.worker.loop.create_task(coroutine)  # type: ignore[attr-defined]

"""A module with no imports but __future__."""

from __future__ import annotations

import asyncio
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


async def reply(loop) -> None:
    pass


async def handler(loop) -> None:
    task = loop.create_task(reply(loop))
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)

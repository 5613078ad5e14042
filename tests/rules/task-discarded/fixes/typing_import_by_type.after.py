"""The typing import is sorted the way isort and ruff sort by default (CONSTANTS, Classes)."""

import asyncio
from typing import IO, TYPE_CHECKING, Any, Callable, Optional

_background_tasks: set[asyncio.Task[Any]] = set()


async def post(stream: Optional[IO[str]], done: Callable[[], None]) -> None:
    await asyncio.sleep(0)


async def on_line(stream: Optional[IO[str]]) -> None:
    task = asyncio.create_task(post(stream, lambda: None))
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)

"""The typing import is sorted the way isort and ruff sort by default (CONSTANTS, Classes)."""

import asyncio
from typing import IO, TYPE_CHECKING, Callable, Optional


async def post(stream: Optional[IO[str]], done: Callable[[], None]) -> None:
    await asyncio.sleep(0)


async def on_line(stream: Optional[IO[str]]) -> None:
    asyncio.create_task(post(stream, lambda: None))

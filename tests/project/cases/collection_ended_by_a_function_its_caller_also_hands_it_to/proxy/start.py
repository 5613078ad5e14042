"""The start hook: puts the worker's task into the list its caller owns."""

from __future__ import annotations

import asyncio
from typing import Any


async def start_spawn(worker: Any, started: list[Any]) -> None:
    started.append(asyncio.create_task(worker.run()))

"""The stop hook: cancels and gathers every task of the list it is given (TL001 at the spawn)."""

from __future__ import annotations

import asyncio
from typing import Any


async def stop_all(running: list[Any]) -> None:
    for task in running:
        task.cancel()
    await asyncio.gather(*running, return_exceptions=True)

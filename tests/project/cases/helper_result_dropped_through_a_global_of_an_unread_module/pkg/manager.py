"""A command manager whose `run_task()` returns the task it makes: its callers own it."""

import asyncio
from collections.abc import Coroutine
from typing import Any


class CommandManager:
    def run_task(self, coro: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        return asyncio.create_task(coro)

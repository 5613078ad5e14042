"""The package's own `create_task`, named like asyncio's: a spawn helper that names the task and
returns it without keeping it, so the row is at each caller that drops what it returns."""

import asyncio
from collections.abc import Coroutine
from typing import Any


def create_task(coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    return asyncio.get_running_loop().create_task(coroutine, name="crawl")

"""The project's way to start a task: named, so that debug dumps say what it is."""

import asyncio
from collections.abc import Coroutine
from typing import Any


def start_named(coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
    return asyncio.create_task(coro, name=name)

"""An Engine.IO-style base client: its own `start_background_task` returns the task it spawns,
so each call is judged where it is made, by what the caller does with the task."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


class ClientBase:
    def start_background_task(self, target: Callable[..., Coroutine[Any, Any, None]],
                              *args: Any) -> asyncio.Task[None]:
        return asyncio.ensure_future(target(*args))

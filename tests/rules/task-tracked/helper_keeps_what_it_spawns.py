"""The near miss of task-discarded/helper_drops_what_it_spawns: the helper keeps each task in a
set that a done-callback prunes, so a call hands it the work and loses nothing."""

import asyncio
import inspect
from collections.abc import Callable
from typing import Any

_running: set[asyncio.Future[Any]] = set()


def run_coroutine_or_function(func: Callable[..., Any], *args: Any) -> None:
    if inspect.iscoroutinefunction(func):
        future = asyncio.ensure_future(func(*args))
        _running.add(future)
        future.add_done_callback(_running.discard)
    else:
        func(*args)


class Handler:
    def __init__(self, on_message: Callable[..., Any]) -> None:
        self.on_message = on_message

    def handle_publish(self, topic: str, payload: bytes) -> None:
        run_coroutine_or_function(self.on_message, topic, payload)

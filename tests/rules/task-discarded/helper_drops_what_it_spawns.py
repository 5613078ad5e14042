"""An MQTT-style handler runs the user's callback through a helper that spawns it when it is a
coroutine function and keeps nothing: each call loses the task it spawns, per message."""

import asyncio
import inspect
from collections.abc import Callable
from typing import Any


def run_coroutine_or_function(func: Callable[..., Any], *args: Any) -> None:
    if inspect.iscoroutinefunction(func):
        future = asyncio.ensure_future(func(*args))
        future.add_done_callback(lambda f: None)
    else:
        func(*args)


class Handler:
    def __init__(self, on_message: Callable[..., Any]) -> None:
        self.on_message = on_message

    def handle_publish(self, topic: str, payload: bytes) -> None:
        run_coroutine_or_function(self.on_message, topic, payload)

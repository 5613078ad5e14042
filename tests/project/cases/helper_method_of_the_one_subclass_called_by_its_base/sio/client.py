"""The one subclass of ClientBase, and two of ServerBase, each defining the spawn helper."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from sio.base import ClientBase, ServerBase


class Client(ClientBase):
    def start_background_task(self, target: Callable[..., Coroutine[Any, Any, None]],
                              *args: Any) -> asyncio.Task[None]:
        return asyncio.ensure_future(target(*args))


class AsyncServer(ServerBase):
    def start_background_task(self, target: Callable[..., Coroutine[Any, Any, None]],
                              *args: Any) -> asyncio.Task[None]:
        return asyncio.ensure_future(target(*args))


class ThreadedServer(ServerBase):
    def start_background_task(self, target: Callable[..., Coroutine[Any, Any, None]],
                              *args: Any) -> asyncio.Task[None]:
        return asyncio.ensure_future(target(*args))

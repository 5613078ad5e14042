"""A dispatcher whose dispatch() returns the tasks it spawns for its async listeners, a list,
and whose announce() returns the one task it spawns."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

M = TypeVar("M")


class Dispatcher(Generic[M]):
    def __init__(self) -> None:
        self._listeners: list[Callable[[M], Awaitable[None]]] = []

    def listen(self, listener: Callable[[M], Awaitable[None]]) -> None:
        self._listeners.append(listener)

    def dispatch(self, message: M) -> list[asyncio.Task[None]]:
        tasks = []
        for listener in self._listeners:
            tasks.append(asyncio.create_task(listener(message)))
        return tasks

    def announce(self, message: M) -> asyncio.Task[None]:
        return asyncio.create_task(self._listeners[0](message))

"""An app whose public `add_task()` returns what its private helper gives: that helper keeps
each named task in a registry that nothing cancels, awaits or prunes."""

import asyncio
from collections.abc import Coroutine
from typing import Any


class App:
    def __init__(self) -> None:
        self._registry: dict[str, asyncio.Task[Any]] = {}

    def _keep(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        task = asyncio.create_task(coro)
        self._registry[name] = task
        return task

    def add_task(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        return self._keep(coro, name)

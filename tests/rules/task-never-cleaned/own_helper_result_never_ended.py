"""A heartbeat kept through the class's own spawn helper, and never ended: `start` returns the
task, `connect` keeps it, and no method cancels or awaits it."""

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


class Connection:
    def __init__(self) -> None:
        self._heartbeat: asyncio.Task[None] | None = None

    def start(self, target: Callable[[], Coroutine[Any, Any, None]]) -> asyncio.Task[None]:
        return asyncio.create_task(target())

    async def connect(self) -> None:
        self._heartbeat = self.start(self._beat)

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(30)

"""A relay toggles itself; its `spawn` only hands back the task (like asyncio.create_task)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any


class Relay:
    def spawn(self, loop: asyncio.AbstractEventLoop,
              target: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        return loop.create_task(target)

    def pulse(self, loop: asyncio.AbstractEventLoop) -> None:
        job = self._toggle()
        self.spawn(loop, job)

    async def _toggle(self) -> None:
        await asyncio.sleep(0.1)

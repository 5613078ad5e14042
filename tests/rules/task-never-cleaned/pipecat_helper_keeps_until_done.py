"""pipecat's `create_task` (`BaseObject.create_task`, read from pipecat-ai 1.14.0:
`tree/library_facts.py`) keeps the task it spawns until it is done, logs its error and returns
it; its `cancel_task(task)` cancels the task and waits for it. A processor's call of it is a
helper row (RUBRIC convention 1). Dropped, a task that finishes by itself is low (kept until
done), one that runs until cancelled medium (kept for good: pipecat's cleanup cancels none of
them). Held by the caller, the caller's end decides: ended by `cancel_task` on the way out,
low; never ended, medium; handed on to a call not followed, low (what that call does is not
known). The near misses: a processor that defines its own `create_task` (its own spawn is
judged), and a class of another library, whose `create_task` nothing says anything of (no
row)."""

import asyncio
from collections.abc import Coroutine
from typing import Any

from pipecat.processors.frame_processor import FrameProcessor
from somelib import Service, watch


class Pump(FrameProcessor):
    async def start(self) -> None:
        self._pump_task = self.create_task(self._pump())
        self.create_task(self._once())
        self._beat = self.create_task(self._beat_loop())
        self.create_task(self._beat_loop())
        self._watched = self.create_task(self._beat_loop())
        watch(self._watched)

    async def stop(self) -> None:
        await self.cancel_task(self._pump_task)

    async def _pump(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _beat_loop(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _once(self) -> None:
        await asyncio.sleep(1)


class OwnHelper(FrameProcessor):
    def create_task(self, coroutine: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        return asyncio.ensure_future(coroutine)

    async def start(self) -> None:
        self.create_task(self._once())

    async def _once(self) -> None:
        await asyncio.sleep(1)


class Other(Service):
    async def start(self) -> None:
        self.create_task(self._once())

    async def _once(self) -> None:
        await asyncio.sleep(1)

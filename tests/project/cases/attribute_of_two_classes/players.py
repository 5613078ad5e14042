"""Two classes keep a task under the same name; something cancels `.listener` of an object
nobody can tell the class of: that cancel may be either one's end, so neither task is claimed
never ended (low, the row saying the object's class is not resolved)."""

from __future__ import annotations

import asyncio


class Speaker:
    async def start(self) -> None:
        self.listener = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        await asyncio.sleep(1)


class Microphone:
    async def start(self) -> None:
        self.listener = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        await asyncio.sleep(1)

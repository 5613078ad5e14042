"""Two classes keep a task under the same name; another module cancels `.listener` of an object
annotated as one of them: that one's task is ended there, the other's stays never ended (the
near miss of `attribute_of_two_classes`, whose cancel is on an object of no known class)."""

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

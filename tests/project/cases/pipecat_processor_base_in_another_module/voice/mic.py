"""`self.create_task(...)` of a class whose pipecat base stands behind the project's base in
another module (`voice/base.py`): pipecat's helper, judged as in one module. Kept until done,
its end is the base's `cancel_task`; a reader dropped that runs until cancelled is kept for
good (medium); one that finishes is low. `Recorder` derives from a base with no pipecat class
behind it (and another library's): its `create_task` is no spawn anyone knows."""

import asyncio

from somelib import Service

from voice.base import Plain, VoiceProcessor


class Mic(VoiceProcessor):
    async def start(self) -> None:
        self._reader = self.create_task(self._read())
        self.create_task(self._announce())
        self.create_task(self._meter())

    async def _read(self) -> None:
        while True:
            await asyncio.sleep(0.02)

    async def _meter(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _announce(self) -> None:
        await asyncio.sleep(0)


class Recorder(Plain, Service):
    async def start(self) -> None:
        self.create_task(self._flush())

    async def _flush(self) -> None:
        await asyncio.sleep(0)

"""discord.py's client: the loop attribute holds a sentinel until login, but is annotated as the
event loop it becomes."""

import asyncio
from typing import Any


class _LoopSentinel:
    def __getattr__(self, attr: str) -> None:
        raise AttributeError("loop attribute cannot be accessed in non-async contexts")


_loop: Any = _LoopSentinel()


class Client:
    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop = _loop

    def dispatch(self, event: str) -> None:
        self.loop.create_task(self._run_event(event))

    async def _run_event(self, event: str) -> None:
        await asyncio.sleep(0)


class Shard:
    _loop: asyncio.AbstractEventLoop

    def __init__(self) -> None:
        self._loop = _LoopSentinel()

    def launch(self) -> None:
        self._loop.create_task(self._worker())

    async def _worker(self) -> None:
        await asyncio.sleep(0)


class VoiceClient:
    def __init__(self) -> None:
        # not named like a loop: only the annotation says what it is
        self.runner: asyncio.AbstractEventLoop = _loop

    def connect(self) -> None:
        self.runner.create_task(self._handshake())

    async def _handshake(self) -> None:
        await asyncio.sleep(0)

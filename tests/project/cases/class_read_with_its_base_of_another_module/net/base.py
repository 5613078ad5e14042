"""The base of the clients: it owns the running flag, the loops the tasks run, the handler
registration, and the close that stops the reader through its flag."""

import asyncio
from collections.abc import Callable
from typing import Any


class Bus:
    def on(self, event: str, handler: Callable[..., Any]) -> None: ...


class ClientBase:
    def __init__(self, bus: Bus) -> None:
        self._running = False
        self._reader: asyncio.Task[None] | None = None
        self._pinger: asyncio.Task[None] | None = None
        self._sessions: dict[int, asyncio.Task[None]] = {}
        bus.on("speaking_start", self.on_speaking_start)

    async def on_speaking_start(self, user_id: int) -> None:
        raise NotImplementedError

    async def _read_loop(self) -> None:
        while self._running:
            await asyncio.sleep(1)

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(30)

    async def _transcribe(self, user_id: int) -> None:
        await asyncio.sleep(user_id)

    async def close(self) -> None:
        self._running = False

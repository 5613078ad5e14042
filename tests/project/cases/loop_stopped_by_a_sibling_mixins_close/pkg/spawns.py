import asyncio

from .base import PingerBase, ReaderBase


class ReaderSpawns(ReaderBase):
    async def start(self) -> None:
        self._running = True
        self._reader = asyncio.create_task(self._read_loop())
        self._pinger = asyncio.create_task(self._ping_loop())


class PingerSpawns(PingerBase):
    async def start(self) -> None:
        self._pinging = True
        self._pinger = asyncio.create_task(self._ping_loop())

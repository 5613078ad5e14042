import asyncio

from .base import PingerBase, ReaderBase


class ReaderEnds(ReaderBase):
    async def _read_loop(self) -> None:
        while self._running:
            await asyncio.sleep(1)

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(30)

    async def close(self) -> None:
        self._running = False


class PingerEnds(PingerBase):
    async def _ping_loop(self) -> None:
        while self._pinging:
            await asyncio.sleep(30)

    async def close(self) -> None:
        self._pinging = False

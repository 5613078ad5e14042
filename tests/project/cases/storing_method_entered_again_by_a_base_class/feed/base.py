"""The base classes: each connects in a retry loop that calls `self._start()`, which their
subclasses define in another module. `FeedBase` goes round when the handshake after the call
fails; `CarefulBase` cancels what `self._reader` holds before it goes round."""

from __future__ import annotations

import asyncio
from typing import Any


class FeedBase:
    _reader: asyncio.Task[None] | None = None

    async def _start(self) -> None:
        raise NotImplementedError

    async def _handshake(self) -> None:
        raise NotImplementedError

    async def connect(self) -> None:
        while True:
            try:
                await self._start()
                await self._handshake()
                break
            except OSError:
                await asyncio.sleep(1)


class CarefulBase:
    _reader: asyncio.Task[None] | None = None
    _link: Any = None

    async def _start(self) -> None:
        raise NotImplementedError

    async def connect(self) -> None:
        while True:
            try:
                await self._start()
                await self._link.handshake()
                break
            except OSError:
                if self._reader is not None:
                    self._reader.cancel()
                await asyncio.sleep(1)

"""A stream owns the task that produces its chunks, and waits for it when it is closed."""

from __future__ import annotations

import asyncio


class Stream:
    def __init__(self) -> None:
        self.producer: asyncio.Task[None] | None = None

    async def aclose(self) -> None:
        if self.producer is not None:
            await self.producer

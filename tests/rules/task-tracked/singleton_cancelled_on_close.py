"""A lazily started cleaner that the store cancels when it closes."""

import asyncio
import contextlib
import time


class SessionStore:
    def __init__(self, ttl: float = 1800.0) -> None:
        self.ttl = ttl
        self._sessions: dict[str, tuple[float, dict]] = {}
        self._cleaner: asyncio.Task[None] | None = None

    async def put(self, sid: str, data: dict) -> None:
        self._sessions[sid] = (time.monotonic(), data)
        if self._cleaner is None or self._cleaner.done():
            self._cleaner = asyncio.create_task(self._expire_forever())

    async def _expire_forever(self) -> None:
        while True:
            await asyncio.sleep(60)
            cutoff = time.monotonic() - self.ttl
            for sid in [s for s, (ts, _) in self._sessions.items() if ts < cutoff]:
                del self._sessions[sid]

    async def close(self) -> None:
        if self._cleaner is not None:
            self._cleaner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._cleaner

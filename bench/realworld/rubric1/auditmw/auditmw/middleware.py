from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from .sink import AuditSink

Request = dict[str, Any]
Handler = Callable[[Request], Awaitable[dict[str, Any]]]


class AuditMiddleware:
    def __init__(self, sink: AuditSink, handler: Handler) -> None:
        self.sink = sink
        self.handler = handler

    async def __call__(self, request: Request) -> dict[str, Any]:
        started = time.monotonic()
        response = await self.handler(request)
        entry = {"path": request.get("path"), "ms": (time.monotonic() - started) * 1000}
        if response.get("status", 200) >= 500:
            self.sink.record_later({**entry, "error": True})
        else:
            audit = asyncio.create_task(self.sink.record(entry))
        return response


class BufferedAuditMiddleware:
    def __init__(self, sink: AuditSink, handler: Handler) -> None:
        self.sink = sink
        self.handler = handler
        self._writes: set[asyncio.Task[None]] = set()
        self._stats: asyncio.Task[None] | None = None
        self.requests = 0

    async def _log_stats(self) -> None:
        while True:
            await asyncio.sleep(60)
            await self.sink.record({"requests": self.requests, "inflight": len(self._writes)})

    async def __call__(self, request: Request) -> dict[str, Any]:
        if self._stats is None:
            self._stats = asyncio.create_task(self._log_stats())
        self.requests += 1
        response = await self.handler(request)
        task = self.sink.record_later({"path": request.get("path")})
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)
        return response

    async def drain(self) -> None:
        await asyncio.gather(*list(self._writes), return_exceptions=True)

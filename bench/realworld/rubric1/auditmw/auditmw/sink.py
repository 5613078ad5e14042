from __future__ import annotations

import asyncio
import json
from typing import Any


class AuditSink:
    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = asyncio.Lock()

    async def record(self, entry: dict[str, Any]) -> None:
        async with self._lock:
            line = json.dumps(entry)
            await asyncio.to_thread(self._append, line)

    def _append(self, line: str) -> None:
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")

    def record_later(self, entry: dict[str, Any]) -> asyncio.Task[None]:
        return asyncio.create_task(self.record(entry))

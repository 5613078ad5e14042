from __future__ import annotations

import asyncio
import contextlib
import time


class HeartbeatMixin:
    heartbeat_every = 10.0
    _hb_task: asyncio.Task[None] | None = None
    last_beat: float = 0.0

    def start_heartbeat(self) -> None:
        if self._hb_task is None:
            self._hb_task = asyncio.create_task(self._hb_loop())

    async def _hb_loop(self) -> None:
        while True:
            self.last_beat = time.monotonic()
            await asyncio.sleep(self.heartbeat_every)

    async def stop_heartbeat(self) -> None:
        if self._hb_task is not None:
            self._hb_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._hb_task
            self._hb_task = None

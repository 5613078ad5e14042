from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Callable

Report = Callable[[str, float], None]


class SensorDevice:
    def __init__(self, device_id: str, report: Report, period: float = 2.0) -> None:
        self.device_id = device_id
        self.report = report
        self.period = period
        self._poll: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._poll is None:
            self._poll = asyncio.create_task(self._poll_loop())

    async def _poll_loop(self) -> None:
        while True:
            await asyncio.sleep(self.period)
            self.report(self.device_id, await self._read_value())

    async def _read_value(self) -> float:
        await asyncio.sleep(0.01)
        return random.uniform(18.0, 24.0)

    async def stop(self) -> None:
        if self._poll is not None:
            self._poll.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poll
            self._poll = None

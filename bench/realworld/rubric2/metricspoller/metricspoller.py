"""Polls device metrics and ships them, one round at a time."""
import asyncio
import json


class MetricsPoller:
    def __init__(self, devices: list[str]) -> None:
        self.devices = devices
        self.sent: list[str] = []

    async def _collect(self) -> dict[str, float]:
        await asyncio.sleep(0.1)
        return {d: 1.0 for d in self.devices}

    async def _tick_forever(self) -> None:
        while True:
            await asyncio.sleep(1)
            self.sent.append("tick")

    def _encode(self, labels: dict[str, object]) -> str:
        return json.dumps(labels)

    async def run_once(self, labels: dict[str, object]) -> None:
        collect = asyncio.create_task(self._collect())
        header = self._encode(labels)
        values = await collect
        self.sent.append(header + json.dumps(values))

    async def run_round(self, labels: dict[str, object]) -> None:
        ticker = asyncio.create_task(self._tick_forever())
        header = self._encode(labels)
        try:
            values = await self._collect()
            self.sent.append(header + json.dumps(values))
        finally:
            ticker.cancel()

    async def run_round_safe(self, labels: dict[str, object]) -> None:
        ticker = asyncio.create_task(self._tick_forever())
        try:
            header = self._encode(labels)
            values = await self._collect()
            self.sent.append(header + json.dumps(values))
        finally:
            ticker.cancel()

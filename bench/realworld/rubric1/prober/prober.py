"""Endpoint prober: checks a list of hosts, with a watchdog that reports stalls."""
from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

log = logging.getLogger(__name__)


class EndpointProber:
    def __init__(self, port: int = 443, stall_after: float = 30.0) -> None:
        self.port = port
        self.stall_after = stall_after
        self._last_progress = time.monotonic()
        self.token: str | None = None

    async def _watchdog(self) -> None:
        while True:
            await asyncio.sleep(self.stall_after / 3)
            if time.monotonic() - self._last_progress > self.stall_after:
                log.warning("probe run stalled")

    async def _probe(self, host: str) -> float:
        started = time.monotonic()
        _, writer = await asyncio.open_connection(host, self.port)
        writer.close()
        self._last_progress = time.monotonic()
        return self._last_progress - started

    async def _load_manifest(self) -> dict[str, Any]:
        await asyncio.sleep(0.1)
        return {"hosts": [], "loaded": time.time()}

    async def _authenticate(self) -> None:
        if self.token is None:
            raise PermissionError("no probe token configured")
        await asyncio.sleep(0)

    async def probe_all(self, hosts: list[str]) -> dict[str, float]:
        watchdog = asyncio.create_task(self._watchdog())
        results: dict[str, float] = {}
        for host in hosts:
            results[host] = await self._probe(host)
        watchdog.cancel()
        return results

    async def probe_all_guarded(self, hosts: list[str]) -> dict[str, float]:
        watchdog = asyncio.create_task(self._watchdog())
        try:
            return {host: await self._probe(host) for host in hosts}
        finally:
            watchdog.cancel()

    async def fetch_manifest(self) -> dict[str, Any]:
        manifest = asyncio.create_task(self._load_manifest())
        await self._authenticate()
        return await manifest

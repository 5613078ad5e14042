"""Keeps distributed-lock leases alive while their holders work."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

Renew = Callable[[str, float], Awaitable[bool]]


class LeaseKeeper:
    def __init__(self, renew: Renew, ttl: float = 15.0) -> None:
        self._renew = renew
        self._ttl = ttl
        self._renewers: dict[str, asyncio.Task[None]] = {}

    def hold(self, lease_id: str, rounds: int) -> None:
        """Renew lease_id `rounds` times, then let it lapse."""
        if lease_id in self._renewers:
            asyncio.get_running_loop().create_task(self._renew(lease_id, self._ttl))
            return
        self._renewers[lease_id] = asyncio.create_task(self._keep(lease_id, rounds))

    async def _keep(self, lease_id: str, rounds: int) -> None:
        for _ in range(rounds):
            if not await self._renew(lease_id, self._ttl):
                raise RuntimeError(f"lease {lease_id} was lost")
            await asyncio.sleep(self._ttl / 3)
        del self._renewers[lease_id]

    def held(self) -> list[str]:
        return sorted(self._renewers)


class SafeLeaseKeeper:
    def __init__(self, renew: Renew, ttl: float = 15.0) -> None:
        self._renew = renew
        self._ttl = ttl
        self._renewers: dict[str, asyncio.Task[None]] = {}

    def hold(self, lease_id: str, rounds: int) -> None:
        if lease_id in self._renewers:
            return
        self._renewers[lease_id] = asyncio.create_task(self._keep(lease_id, rounds))

    async def _keep(self, lease_id: str, rounds: int) -> None:
        try:
            for _ in range(rounds):
                if not await self._renew(lease_id, self._ttl):
                    raise RuntimeError(f"lease {lease_id} was lost")
                await asyncio.sleep(self._ttl / 3)
        finally:
            self._renewers.pop(lease_id, None)

    async def release_all(self) -> None:
        for task in list(self._renewers.values()):
            task.cancel()
        await asyncio.gather(*list(self._renewers.values()), return_exceptions=True)

"""Distributed leases renewed in the background while held."""
import asyncio


class Coordinator:
    async def register(self, name: str) -> None:
        await asyncio.sleep(0)
        if not name:
            raise ValueError("lease name required")

    async def renew(self, name: str) -> None:
        await asyncio.sleep(0)


class Lease:
    def __init__(self, coord: Coordinator, name: str) -> None:
        self.coord = coord
        self.name = name
        self._renew: asyncio.Task | None = None

    async def acquire(self) -> "Lease":
        self._renew = asyncio.create_task(self._renew_loop())
        await self.coord.register(self.name)
        return self

    async def _renew_loop(self) -> None:
        while True:
            await asyncio.sleep(5)
            await self.coord.renew(self.name)

    async def release(self) -> None:
        if self._renew is not None:
            self._renew.cancel()


class SafeLease(Lease):
    async def acquire(self) -> "Lease":
        await self.coord.register(self.name)
        self._renew = asyncio.create_task(self._renew_loop())
        return self


async def with_lease(coord: Coordinator, name: str) -> None:
    lease = await Lease(coord, name).acquire()
    try:
        await asyncio.sleep(1)
    finally:
        await lease.release()


async def with_safe_lease(coord: Coordinator, name: str) -> None:
    lease = await SafeLease(coord, name).acquire()
    try:
        await asyncio.sleep(1)
    finally:
        await lease.release()

import asyncio
import logging

from .renewer import LeaseRenewer

log = logging.getLogger(__name__)


class StoreError(Exception):
    pass


class LockManager:
    def __init__(self, backend, store) -> None:
        self._leases = LeaseRenewer(backend)
        self._store = store

    async def lock(self, name: str) -> None:
        for attempt in range(3):
            try:
                await self._leases.acquire(name)
                await self._store.mark_owner(name)
                break
            except StoreError:
                log.warning("could not record owner of %s (attempt %d)", name, attempt)
                await asyncio.sleep(0.5)

    def unlock(self, name: str) -> None:
        self._leases.release(name)

    async def close(self) -> None:
        await self._leases.close()

import asyncio


class LeaseRenewer:
    def __init__(self, backend, ttl: float = 10.0) -> None:
        self._backend = backend
        self._ttl = ttl
        self._renewers: dict[str, asyncio.Task] = {}

    async def acquire(self, name: str) -> None:
        await self._backend.grant(name, self._ttl)
        self._renewers[name] = asyncio.create_task(self._renew(name))

    async def _renew(self, name: str) -> None:
        while True:
            await asyncio.sleep(self._ttl / 3)
            await self._backend.grant(name, self._ttl)

    def release(self, name: str) -> None:
        task = self._renewers.pop(name, None)
        if task is not None:
            task.cancel()

    async def close(self) -> None:
        for name in list(self._renewers):
            self.release(name)

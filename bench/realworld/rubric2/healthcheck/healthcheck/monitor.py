import asyncio

from .probes import probe


class HealthMonitor:
    def __init__(self, hosts: list[str]) -> None:
        self.hosts = hosts

    async def healthy_within(self, seconds: float) -> list[str]:
        tasks = [asyncio.create_task(probe(h)) for h in self.hosts]
        done, pending = await asyncio.wait(tasks, timeout=seconds)
        return [t.result() for t in done if t.exception() is None]

    async def healthy_within_cancel(self, seconds: float) -> list[str]:
        tasks = [asyncio.create_task(probe(h)) for h in self.hosts]
        done, pending = await asyncio.wait(tasks, timeout=seconds)
        for task in pending:
            task.cancel()
        return [t.result() for t in done if t.exception() is None]

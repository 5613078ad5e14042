import asyncio
import weakref

from .probe import ProbeResult, probe


class MirrorPicker:
    def __init__(self, hosts: list[str]) -> None:
        self._hosts = hosts
        self._warmup: weakref.ref | None = None

    async def first_healthy(self) -> ProbeResult | None:
        tasks = [asyncio.create_task(probe(host)) for host in self._hosts]
        for next_done in asyncio.as_completed(tasks):
            result = await next_done
            if result.healthy:
                return result
        return None

    async def first_healthy_clean(self) -> ProbeResult | None:
        tasks = [asyncio.create_task(probe(host, timeout=1.0)) for host in self._hosts]
        try:
            for next_done in asyncio.as_completed(tasks):
                result = await next_done
                if result.healthy:
                    return result
            return None
        finally:
            for task in tasks:
                task.cancel()

    def warm_up(self) -> None:
        self._warmup = weakref.ref(asyncio.create_task(probe(self._hosts[0])))

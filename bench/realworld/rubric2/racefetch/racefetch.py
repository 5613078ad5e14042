"""Fetch a package index from whichever mirror answers first."""
import asyncio
import random


class MirrorSet:
    def __init__(self, mirrors: list[str]) -> None:
        self.mirrors = mirrors

    async def _get(self, mirror: str) -> bytes:
        await asyncio.sleep(random.random())
        return mirror.encode()

    async def fetch_first(self) -> bytes:
        tasks = [asyncio.create_task(self._get(m)) for m in self.mirrors]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        return done.pop().result()

    async def fetch_first_clean(self) -> bytes:
        tasks = [asyncio.create_task(self._get(m)) for m in self.mirrors]
        try:
            done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            return done.pop().result()
        finally:
            for task in tasks:
                task.cancel()

    async def fetch_with_deadline(self, mirror: str) -> bytes | None:
        task = asyncio.create_task(self._get(mirror))
        done, _ = await asyncio.wait({task}, timeout=2.0)
        if not done:
            return None
        return task.result()

    async def fetch_with_deadline_clean(self, mirror: str) -> bytes | None:
        task = asyncio.create_task(self._get(mirror))
        try:
            done, _ = await asyncio.wait({task}, timeout=2.0)
        finally:
            task.cancel()
        if not done:
            return None
        return task.result()

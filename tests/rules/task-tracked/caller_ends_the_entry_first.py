"""A runner whose `load()` re-adds each job under its name on every config version: it pops and
cancels the job's running loop first, so `_add()` overwrites no live entry (the caller's end
excuses its call, as a caller's cancel does for an attribute). The near miss, `LeakyRunner`,
re-adds them with no end: its `follow()` loads each config version it waits for, so the same
names come again and the old loops run on, unreferenced. (One `load()` alone stores each name
once: its own loop gives a new key each turn.)"""

import asyncio


class Runner:
    def __init__(self) -> None:
        self._workers: dict[str, asyncio.Task[None]] = {}

    def _add(self, name: str) -> None:
        self._workers[name] = asyncio.create_task(self._loop(name))

    def load(self, names: list[str]) -> None:
        for name in names:
            old = self._workers.pop(name, None)
            if old is not None:
                old.cancel()
            self._add(name)

    async def _loop(self, name: str) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        for worker in self._workers.values():
            worker.cancel()


class LeakyRunner:
    def __init__(self) -> None:
        self._workers: dict[str, asyncio.Task[None]] = {}

    def _add(self, name: str) -> None:
        self._workers[name] = asyncio.create_task(self._loop(name))

    def load(self, names: list[str]) -> None:
        for name in names:
            self._add(name)

    async def follow(self, fetch) -> None:
        while True:
            self.load(await fetch())
            await asyncio.sleep(10)

    async def _loop(self, name: str) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        for worker in self._workers.values():
            worker.cancel()

"""A worker runs one session at a time, in a loop that goes on after a failure. Each session
makes a new `_Source`, keeps it as `self._source`, and stores its writer and reader tasks on
that new object; the session's `finally` cancels and gathers them. Each store is into an object
made by that call: nothing an earlier session stored is overwritten (low). The near miss:
`run_reusing()` stores a new task on the one object the worker keeps for good
(`self._kept.pump`, a `_Kept`) on each turn, with nothing ending the one it held: one lost on
each turn (high)."""

import asyncio


class _Source:
    def __init__(self) -> None:
        self.writer: asyncio.Task[None] | None = None
        self.reader: asyncio.Task[None] | None = None
        self.done = asyncio.Event()


class _Kept:
    def __init__(self) -> None:
        self.pump: asyncio.Task[None] | None = None
        self.done = asyncio.Event()


class Worker:
    def __init__(self) -> None:
        self._source: _Source | None = None
        self._kept = _Kept()
        self._closed = False

    async def _write(self, source: _Source | None) -> None:
        while True:
            await asyncio.sleep(1)

    async def _read(self, source: _Source) -> None:
        while True:
            await asyncio.sleep(1)

    async def run(self) -> None:
        while not self._closed:
            try:
                await self._session()
            except OSError:
                await asyncio.sleep(1)

    async def _session(self) -> None:
        source = _Source()
        self._source = source
        source.writer = asyncio.create_task(self._write(source))
        source.reader = asyncio.create_task(self._read(source))
        try:
            await source.done.wait()
        finally:
            await self._stop(source)
            if self._source is source:
                self._source = None

    async def _stop(self, source: _Source) -> None:
        tasks = [t for t in (source.reader, source.writer) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def run_reusing(self) -> None:
        while not self._closed:
            self._kept.pump = asyncio.create_task(self._write(None))
            await self._kept.done.wait()

    async def close(self) -> None:
        self._closed = True

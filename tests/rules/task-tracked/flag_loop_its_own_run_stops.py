"""looselycoupled's event loop: `run()` loops `while self._running:` and the code it runs clears
that flag (`run()` -> `drain()` -> `step()` sets `self._running = False` on the queue's end), so
the task finishes by itself. A step that fails before the await leaves it to finish alone: low
(RUBRIC convention 4), as for `Watcher`, whose loop sets the event it tests. The near miss,
`Poller`, is stopped only by `stop()`, which its owner calls: it runs until then, and the step
that skips the await leaves it running for good (TL201)."""

import asyncio
from typing import Any


class Pump:
    def __init__(self, queue: "asyncio.Queue[Any]") -> None:
        self.queue = queue
        self._running = False

    async def run(self) -> None:
        self._running = True
        while self._running:
            await self.drain()

    async def drain(self) -> None:
        while not self.queue.empty():
            await self.step()
        await asyncio.sleep(0.1)

    async def step(self) -> None:
        item = await self.queue.get()
        if item is None:
            self._running = False
            return
        print(item)


class Watcher:
    def __init__(self, source: Any) -> None:
        self.source = source
        self._done = asyncio.Event()

    async def watch(self) -> None:
        while not self._done.is_set():
            if await self.source.closed():
                self._done.set()
            await asyncio.sleep(1)


class Poller:
    def __init__(self, source: Any) -> None:
        self.source = source
        self._running = True

    async def poll(self) -> None:
        while self._running:
            print(await self.source.read())

    def stop(self) -> None:
        self._running = False


async def pump_until_done(queue: "asyncio.Queue[Any]", peer: Any) -> None:
    pump = Pump(queue)
    task = asyncio.create_task(pump.run())
    await peer.hello()
    await task


async def watch_until_closed(source: Any, peer: Any) -> None:
    watcher = Watcher(source)
    task = asyncio.create_task(watcher.watch())
    await peer.hello()
    await task


async def poll_until_stopped(source: Any, peer: Any) -> None:
    poller = Poller(source)
    task = asyncio.create_task(poller.poll())
    await peer.hello()
    poller.stop()
    await task

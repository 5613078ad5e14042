"""The same races, with the losers cancelled where the wait can return or be cut short."""

import asyncio


async def forward(source, sink) -> None:
    async for message in source:
        await sink.send(message)


async def proxy(client, upstream) -> None:
    done, pending = await asyncio.wait(
        [asyncio.create_task(forward(client, upstream)),
         asyncio.create_task(forward(upstream, client))],
        return_when=asyncio.FIRST_COMPLETED,
    )
    for task in pending:
        task.cancel()


class Device:
    async def get_services(self, timeout: float):
        changed = asyncio.create_task(self.changed.wait())
        services = asyncio.create_task(self._fetch_services())
        try:
            async with asyncio.timeout(timeout):
                await asyncio.wait([changed, services], return_when=asyncio.FIRST_COMPLETED)
        finally:
            changed.cancel()
            services.cancel()
        return services.result()

    async def sync(self, updates, removals) -> bool:
        tasks = [asyncio.create_task(self.send(updates)),
                 asyncio.create_task(self.send(removals))]
        try:
            async with asyncio.timeout(10):
                await asyncio.wait(tasks)
        except TimeoutError:
            pass
        for task in tasks:
            task.cancel()
        return all(task.done() for task in tasks)

    async def sync_gathered(self, updates, removals) -> None:
        # gather cancels what it waits for when the timeout cancels it
        async with asyncio.timeout(10):
            await asyncio.gather(asyncio.create_task(self.send(updates)),
                                 asyncio.create_task(self.send(removals)))

    async def first_answer(self, mirrors):
        lookups = [asyncio.create_task(self.lookup(m)) for m in mirrors]
        try:
            for lookup in asyncio.as_completed(lookups):
                return await lookup
        finally:
            for lookup in lookups:
                lookup.cancel()



class Entry:
    def __init__(self) -> None:
        self._background: set[asyncio.Task[None]] = set()

    def start(self, coro) -> None:
        task = asyncio.create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def unload(self) -> None:
        # cancelled first; the wait only gives them time to finish cancelling
        for task in self._background:
            task.cancel()
        await asyncio.wait(self._background, timeout=10)

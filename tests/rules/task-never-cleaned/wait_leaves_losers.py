"""Races that return, or are cut short, while what they wait for still runs. A race whose losers
are cancelled on every normal way out, only a cancel of the waiter (a timeout) skipping it, is
low and says so (RUBRIC convention 2: `get_services`); with no cancel after it at all, medium.
A wait that gives up only at its timeout (RUBRIC convention 7) leaves low a task whose function
ends by itself (`wait_all_forwarded`'s `forward()`), and one whose function is not followed,
said so (`sync`'s `self.send()`, which `Device` does not define; `next_or_close`'s `close()`, a
parameter)."""

import asyncio

import async_timeout


async def forward(source, sink) -> None:
    async for message in source:
        await sink.send(message)


async def proxy(client, upstream) -> None:
    # the first side to close ends the proxy; the other forwarder is never cancelled
    await asyncio.wait(
        [asyncio.create_task(forward(client, upstream)),
         asyncio.create_task(forward(upstream, client))],
        return_when=asyncio.FIRST_COMPLETED,
    )


async def wait_all(futures, *, timeout: float):
    # what `fut` holds is not followed (a Future is returned as it is): no claim is made
    ensured = [asyncio.ensure_future(fut) for fut in futures]
    done, pending = await asyncio.wait(ensured, timeout=timeout)
    if pending:
        raise asyncio.TimeoutError()
    return done


async def wait_all_forwarded(pairs, *, timeout: float):
    # the same race of tasks made here: the timeout leaves them running
    ensured = [asyncio.ensure_future(forward(a, b)) for a, b in pairs]
    done, pending = await asyncio.wait(ensured, timeout=timeout)
    if pending:
        raise asyncio.TimeoutError()
    return done


class Device:
    async def get_services(self, timeout: float):
        async with async_timeout.timeout(timeout):
            changed = asyncio.create_task(self.changed.wait())
            services = asyncio.create_task(self._fetch_services())
            _, pending = await asyncio.wait([changed, services],
                                            return_when=asyncio.FIRST_COMPLETED)
            # cancelled on the normal path; a timeout skips this and leaves both running
            for task in pending:
                task.cancel()
            return services.result()

    async def sync(self, updates, removals) -> bool:
        tasks = [asyncio.create_task(self.send(updates)),
                 asyncio.create_task(self.send(removals))]
        try:
            async with asyncio.timeout(10):
                await asyncio.wait(tasks)
        except TimeoutError:
            return False
        return True

    async def first_answer(self, mirrors):
        lookups = [asyncio.create_task(self.lookup(m)) for m in mirrors]
        for lookup in asyncio.as_completed(lookups):
            return await lookup


async def next_or_close(ready, close, timeout: float):
    # one local for two tasks: the first is awaited before the name is reused for the second,
    # which the timeout leaves running behind its shield
    waiter = asyncio.ensure_future(ready.wait())
    await waiter
    waiter = asyncio.create_task(close())
    await asyncio.wait_for(asyncio.shield(waiter), timeout=timeout)


async def forward_one(a, b, *, timeout: float):
    # FIRST_COMPLETED of one task returns only when it is done: it gives up only at its
    # timeout, and forward() ends by itself (low, RUBRIC convention 7)
    await asyncio.wait([asyncio.create_task(forward(a, b))], timeout=timeout,
                       return_when=asyncio.FIRST_COMPLETED)

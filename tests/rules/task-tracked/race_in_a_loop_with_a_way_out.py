"""Near misses of task-never-cleaned/race_in_a_loop_only_a_cancel_ends.py: a loop with a way out
(a `break`), so the function returns normally and the losers are ended on that way (RUBRIC
convention 2: low, and said); a `finally` around the wait that cancels them on every way out;
and a loop of `as_completed` that can return."""

import asyncio


async def relay_until_stopped(inbox, outbox, stop) -> None:
    while True:
        get = asyncio.create_task(inbox.get())
        stopping = asyncio.create_task(stop.wait())
        done, pending = await asyncio.wait({get, stopping}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        if stopping in done:
            break
        await outbox.put(get.result())


async def relay_with_finally(inbox, outbox, stop) -> None:
    while True:
        get = asyncio.create_task(inbox.get())
        stopping = asyncio.create_task(stop.wait())
        try:
            await asyncio.wait({get, stopping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            get.cancel()
            stopping.cancel()
        await outbox.put(get.result())


async def monitor_until_done(queues, output) -> None:
    while True:
        gets = [queue.get() for queue in queues]
        for got in asyncio.as_completed(gets):
            await output.put(await got)
        if output.full():
            return

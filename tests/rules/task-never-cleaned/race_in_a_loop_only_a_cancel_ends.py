"""A race in a `while True` that nothing leaves: the losers are ended after each wait, but the
function ends only when it is cancelled, and that cancel comes during a wait, leaving what it
waits for running; the same for the tasks of `as_completed` awaited one by one (aionostr's
`monitor_queues`, a listener ended by `unsubscribe()`'s cancel). Near misses:
task-tracked/race_in_a_loop_with_a_way_out.py."""

import asyncio


async def relay(inbox, outbox, stop) -> None:
    while True:
        get = asyncio.create_task(inbox.get())
        stopping = asyncio.create_task(stop.wait())
        done, pending = await asyncio.wait({get, stopping}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        if get in done:
            await outbox.put(get.result())


async def monitor(queues, output) -> None:
    while True:
        gets = [queue.get() for queue in queues]
        for got in asyncio.as_completed(gets):
            await output.put(await got)

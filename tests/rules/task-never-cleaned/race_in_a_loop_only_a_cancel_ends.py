"""A race in a `while True` that nothing leaves: the losers are ended after each wait, but the
function ends only when it is cancelled, and that cancel comes during a wait, leaving what it
waits for running (RUBRIC convention 4). A loser that runs until cancelled (`heartbeat()`, a
`while True` of this module) is then left running for good: medium. The losers that end by
themselves (`inbox.get()`, `stop.wait()`), and the tasks of `as_completed` awaited one by one
(aionostr's `monitor_queues`, a listener ended by `unsubscribe()`'s cancel), are low, their
words saying which cancel leaves them. Near misses: task-tracked/race_in_a_loop_with_a_way_out.py."""

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


async def heartbeat(link) -> None:
    while True:
        await link.ping()
        await asyncio.sleep(30)


async def relay_with_a_heartbeat(inbox, outbox, link) -> None:
    while True:
        get = asyncio.create_task(inbox.get())
        beat = asyncio.create_task(heartbeat(link))
        done, pending = await asyncio.wait({get, beat}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        if get in done:
            await outbox.put(get.result())


async def monitor(queues, output) -> None:
    while True:
        gets = [queue.get() for queue in queues]
        for got in asyncio.as_completed(gets):
            await output.put(await got)

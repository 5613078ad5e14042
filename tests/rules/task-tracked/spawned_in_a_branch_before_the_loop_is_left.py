"""A reconnect loop (kryten-robot, dev54): on success, a branch restarts the publisher
(`if publisher: task = spawn(publisher.run())`), and the `try` body around it then leaves the
loop (`return`). The branch falls through to that `return`: the spawn runs at most once per run
of the loop, so no earlier task is dropped by rebinding (low). The shutdown after it runs its
end under the same test as the spawn (`if publisher: ... task.cancel()`), and nothing rebinds
`publisher` in between: the end runs whenever the spawn did.

Near misses: a branch whose loop comes round after it (no exit after the `if`: each turn
rebinds the local over the last, TL103), and an end under the same test after the test's name
is rebound (`publisher = None` on a failed start: the spawn may have run with the end skipped,
TL101)."""

import asyncio


class Publisher:
    async def run(self) -> None:
        await asyncio.sleep(1)


async def reconnect(publisher: Publisher | None, attempts: int) -> asyncio.Task[None] | None:
    task: asyncio.Task[None] | None = None
    for attempt in range(attempts):
        await asyncio.sleep(attempt)
        try:
            await asyncio.sleep(0)
            if publisher:
                task = asyncio.create_task(publisher.run())
                print("publisher restarted")
            return task
        except OSError:
            continue
    return task


async def poll_all(publisher: Publisher | None, attempts: int) -> asyncio.Task[None] | None:
    task: asyncio.Task[None] | None = None
    for attempt in range(attempts):
        await asyncio.sleep(attempt)
        if publisher:
            task = asyncio.create_task(publisher.run())
            print("publisher restarted")
    return task


async def main(publisher: Publisher | None, stop: asyncio.Event) -> None:
    if publisher:
        task = asyncio.create_task(publisher.run())
    await stop.wait()
    if publisher:
        task.cancel()
        await task


async def main_rebinding(publisher: Publisher | None, stop: asyncio.Event) -> None:
    if publisher:
        task = asyncio.create_task(publisher.run())
    await stop.wait()
    if stop.is_set():
        publisher = None
    if publisher:
        task.cancel()
        await task

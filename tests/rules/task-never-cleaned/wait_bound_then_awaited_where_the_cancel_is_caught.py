"""A worker runner races its workers, which loop until cancelled, with `asyncio.wait(...)` bound
to a name and awaited through `shield()` in a `try` whose `except CancelledError` goes on: a
cancel there reaches the cancels after the `try`, as the normal way out does (low; temporalio's
`Worker._run`). Near miss: the same wait awaited where it is called, with no `try`: a cancel
while it waits leaves the function before the cancels (medium)."""

import asyncio


async def work(n: int) -> None:
    while True:
        await asyncio.sleep(n)


async def run_caught() -> None:
    task = asyncio.create_task(work(1))
    waiting = asyncio.wait([task], return_when=asyncio.FIRST_EXCEPTION)
    try:
        await asyncio.shield(waiting)
    except asyncio.CancelledError:
        pass
    task.cancel()


async def run_uncaught() -> None:
    task = asyncio.create_task(work(1))
    await asyncio.wait([task], return_when=asyncio.FIRST_EXCEPTION)
    task.cancel()

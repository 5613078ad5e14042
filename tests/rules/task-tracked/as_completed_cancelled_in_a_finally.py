"""`as_completed` waits where its iterator is awaited: a `finally` around that await cancels
what is left on every way out, a cancelled waiter included, so the words claim no normal-way-out
gap (near miss of task-tracked/wait_losers_cancelled.py, whose losers are cancelled after the
wait only)."""

import asyncio


async def first_completed(*aws, timeout=None):
    fs = tuple(map(asyncio.ensure_future, aws))
    iterator = asyncio.as_completed(fs, timeout=timeout)
    try:
        return await next(iterator)
    finally:
        for f in fs:
            if not f.done():
                f.cancel()

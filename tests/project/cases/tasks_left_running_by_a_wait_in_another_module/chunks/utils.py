"""Waits for futures: `ensure_future` gives a task back as itself."""

import asyncio


async def wait_all_for(futures, *, timeout):
    ensured = [asyncio.ensure_future(fut) for fut in futures]
    done, pending = await asyncio.wait(ensured, timeout=timeout)
    if pending:
        raise asyncio.TimeoutError
    return done


async def wait_or_cancel(futures, *, timeout):
    ensured = [asyncio.ensure_future(fut) for fut in futures]
    done, pending = await asyncio.wait(ensured, timeout=timeout)
    for fut in pending:
        fut.cancel()
    return done

"""A local task whose only end sits in an `if` after the spawn: when the test fails, the function
goes on without it and drops the local with the task running (held only weakly by the loop).
Near misses: a test on the task itself (a finished task needs no end), an `else` that ends it
too, an end after the `if`."""

import asyncio


async def shutdown(kernel: str) -> None:
    await asyncio.sleep(0)


async def swap(old: str, pending: bool) -> None:
    fut = asyncio.ensure_future(shutdown(old))
    if not pending:
        await fut
    print("swapped")


async def swap_checked(old: str) -> None:
    fut = asyncio.ensure_future(shutdown(old))
    if not fut.done():
        await fut


async def swap_either(old: str, pending: bool) -> None:
    fut = asyncio.ensure_future(shutdown(old))
    if not pending:
        await fut
    else:
        fut.cancel()


async def swap_then_wait(old: str, pending: bool) -> None:
    fut = asyncio.ensure_future(shutdown(old))
    if not pending:
        print("waiting")
    await fut

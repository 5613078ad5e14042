"""A local's task is ended (or handed on) after a `return` that can leave first: on that way
out the local is dropped with the task running. The near misses: a `finally` that ends it on
every way out (also a `try` that returns from a handler and after its end), an end before the
return, a return that reads the task, and a task handed on before any return."""

import asyncio

from helpers import cancel_and_wait


async def pump() -> None:
    await asyncio.sleep(0)


async def attempt(ok: bool) -> bool:
    return ok


async def run(tries: list[bool]) -> None:
    forward = asyncio.create_task(pump())
    for ok in tries:
        if await attempt(ok):
            return
    await cancel_and_wait(forward)


async def run_finally(tries: list[bool]) -> None:
    forward = asyncio.create_task(pump())
    try:
        for ok in tries:
            if await attempt(ok):
                return
    finally:
        forward.cancel()


async def run_finally_then_return(timeout: float) -> bool:
    forward = None
    try:
        forward = asyncio.ensure_future(pump())
        ok = await attempt(timeout > 0)
    except asyncio.TimeoutError:
        return False
    finally:
        if forward:
            forward.cancel()
    return ok


async def run_ended_first(ok: bool) -> None:
    forward = asyncio.create_task(pump())
    if not ok:
        forward.cancel()
        return
    await cancel_and_wait(forward)


def run_done(loop: asyncio.AbstractEventLoop) -> None:
    forward = asyncio.ensure_future(pump(), loop=loop)
    if forward.done():
        return forward.result()
    loop.run_until_complete(forward)


async def run_handed(ok: bool) -> None:
    forward = asyncio.create_task(pump())
    await cancel_and_wait(forward)
    if ok:
        return
    print("done")

"""A function of the module races the tasks it is given (FIRST_COMPLETED) and returns with
the losers still running; its caller ends them once it returns: cancels them on every way out,
or hands them on every way out to a function of another module (not followed, no claim made).
The race is judged where the tasks were handed to it (the near miss, a caller that does
nothing after the call, is task-never-cleaned's `race_in_a_callee_left_running`)."""

import asyncio

from helpers import cancel_and_drain


async def serve(ready: asyncio.Task[bool], work: asyncio.Task[None]) -> None:
    await asyncio.wait({ready, work}, return_when=asyncio.FIRST_COMPLETED)


async def run(event: asyncio.Event, job: asyncio.Task[None]) -> None:
    ready = asyncio.create_task(event.wait())
    try:
        await serve(ready, job)
    finally:
        ready.cancel()


async def run_drained(event: asyncio.Event, job: asyncio.Task[None]) -> None:
    ready = asyncio.create_task(event.wait())
    try:
        await serve(ready, job)
    except BaseException:
        await cancel_and_drain(ready)
        raise
    else:
        await cancel_and_drain(ready)

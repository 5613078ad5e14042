"""A function that races the tasks it is given (FIRST_COMPLETED) and returns with the loser
still running: a caller that hands it a task learns that its return does not end it."""

import asyncio


async def serve(ready: asyncio.Task[bool], work: asyncio.Task[None]) -> None:
    await asyncio.wait({ready, work}, return_when=asyncio.FIRST_COMPLETED)


async def serve_for(work: asyncio.Task[None], timeout: float) -> None:
    # near miss: the parameter that says how long is no task the race leaves running
    await asyncio.wait([work], timeout=timeout)
    work.cancel()

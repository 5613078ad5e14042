"""A function of the module races the tasks it is given (FIRST_COMPLETED) and returns with
the losers still running, and its caller does nothing with them after the call: the loser is
left running (the near miss, a caller that ends it, is task-tracked's
`race_in_a_callee_ended_by_the_caller`)."""

import asyncio


async def serve(ready: asyncio.Task[bool], work: asyncio.Task[None]) -> None:
    await asyncio.wait({ready, work}, return_when=asyncio.FIRST_COMPLETED)


async def run(event: asyncio.Event, job: asyncio.Task[None]) -> None:
    ready = asyncio.create_task(event.wait())
    await serve(ready, job)
    print("served")

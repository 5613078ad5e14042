"""A bootstrap races its pings (FIRST_COMPLETED), waits for the unfinished ones again with a
timeout, and cancels the stragglers that wait leaves: the pending set of the pending set is
cancelled on the normal way out (RUBRIC convention 2: low, and said). The same when the second
wait races the unfinished ones against a grace sleep (`wait(unfinished | {sleeper})`: the
union holds the same tasks). The near miss, stragglers only counted, is task-never-cleaned's
`race_stragglers_only_counted`."""

import asyncio


async def ping(peer: str) -> bool:
    await asyncio.sleep(1)
    return True


async def bootstrap(peers: list[str], timeout: float) -> None:
    pings = {asyncio.create_task(ping(p)) for p in peers}
    finished, unfinished = await asyncio.wait(pings, return_when=asyncio.FIRST_COMPLETED)
    if unfinished:
        _, stragglers = await asyncio.wait(unfinished, timeout=timeout)
        for straggler in stragglers:
            straggler.cancel()


async def relay(a: str, b: str) -> None:
    forward = asyncio.create_task(ping(a))
    backward = asyncio.create_task(ping(b))
    _, unfinished = await asyncio.wait({forward, backward}, return_when=asyncio.FIRST_COMPLETED)
    sleeper = asyncio.create_task(asyncio.sleep(1.0))
    _, stragglers = await asyncio.wait(unfinished | {sleeper},
                                       return_when=asyncio.FIRST_COMPLETED)
    for straggler in stragglers:
        if straggler is not sleeper:
            straggler.cancel()

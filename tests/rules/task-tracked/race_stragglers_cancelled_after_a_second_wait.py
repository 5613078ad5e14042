"""A bootstrap races its pings (FIRST_COMPLETED), waits for the unfinished ones again with a
timeout, and cancels the stragglers that wait leaves: the pending set of the pending set is
cancelled on the normal way out (RUBRIC convention 2: low, and said). The near miss, stragglers
only counted, is task-never-cleaned's `race_stragglers_only_counted`."""

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

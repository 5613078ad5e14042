"""Near miss of task-tracked/race_stragglers_cancelled_after_a_second_wait: the stragglers the
second wait leaves are only counted, so a ping the first wait left running goes on."""

import asyncio


async def ping(peer: str) -> bool:
    await asyncio.sleep(1)
    return True


async def bootstrap(peers: list[str], timeout: float) -> None:
    pings = {asyncio.create_task(ping(p)) for p in peers}
    finished, unfinished = await asyncio.wait(pings, return_when=asyncio.FIRST_COMPLETED)
    if unfinished:
        _, stragglers = await asyncio.wait(unfinished, timeout=timeout)
        print(len(stragglers))

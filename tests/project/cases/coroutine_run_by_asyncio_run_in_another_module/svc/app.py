"""`main()` is run by `asyncio.run()` in `__main__.py`: the race's losers it leaves running
when it returns the runner cancels (low). A heartbeat whose cancel a failure skips, held in a
local or in a list, is left running for good all the same (medium): the runner's cancel of
what is left when it closes is no end of its owner (RUBRIC convention 4, stop 97). The near
miss, `serve()`, is run by nothing known: the race's losers are left running too."""

import asyncio


async def heartbeat() -> None:
    while True:
        await asyncio.sleep(5)


async def listen() -> None:
    await asyncio.sleep(1)


async def work() -> None:
    await asyncio.sleep(1)


async def main() -> None:
    beat = asyncio.create_task(heartbeat())
    await work()
    beat.cancel()
    listener = asyncio.create_task(listen())
    worker = asyncio.create_task(work())
    await asyncio.wait([listener, worker], return_when=asyncio.FIRST_COMPLETED)
    await asyncio.wait([asyncio.create_task(listen()), asyncio.create_task(work())],
                       return_when=asyncio.FIRST_COMPLETED)
    beats = [asyncio.create_task(heartbeat())]
    await work()
    for b in beats:
        b.cancel()


async def serve() -> None:
    beat = asyncio.create_task(heartbeat())
    await work()
    beat.cancel()
    listener = asyncio.create_task(listen())
    worker = asyncio.create_task(work())
    await asyncio.wait([listener, worker], return_when=asyncio.FIRST_COMPLETED)
    beats = [asyncio.create_task(heartbeat())]
    await work()
    for b in beats:
        b.cancel()

"""`main()` is run by `asyncio.run()` in `__main__.py`: what it leaves running when it returns
or fails (a race's losers, a heartbeat whose cancel a failure skips, held in a local or in a list) the
runner cancels. The
near miss, `serve()`, is run by nothing known: the same shapes leave their tasks running."""

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

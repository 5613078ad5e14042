"""A program's `main()`, run by `asyncio.run()`, races a listener that runs until cancelled
against a stop signal and cancels the listener after the wait, on its normal way out only: a
cancellation of `main()` while it waits leaves the listener running (RUBRIC convention 4:
medium); the runner's cancel of what is left as the program closes makes no skipped end good.
Near misses: the stop waiter beside it, which waits for a signal rather than running until
cancelled (low, the words naming the wait), and losers nothing cancels after the wait, which
only the runner ends (low)."""

import asyncio


async def listen() -> None:
    while True:
        await asyncio.sleep(1)


async def ping() -> None:
    await asyncio.sleep(1)


async def main(stop: asyncio.Event) -> None:
    listener = asyncio.create_task(listen())
    stopped = asyncio.create_task(stop.wait())
    await asyncio.wait([listener, stopped], return_when=asyncio.FIRST_COMPLETED)
    listener.cancel()
    stopped.cancel()
    pinger = asyncio.create_task(ping())
    waiter = asyncio.create_task(stop.wait())
    await asyncio.wait([pinger, waiter], return_when=asyncio.FIRST_COMPLETED)


if __name__ == "__main__":
    asyncio.run(main(asyncio.Event()))

"""`asyncio.wait_for(...)` as a statement returns a coroutine that never runs. A fix that adds
`task.add_done_callback(...)` to it raises AttributeError; the program must run as before."""

import asyncio
import warnings

UNSAFE = False


async def work() -> None:
    print("work ran")


async def main() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "coroutine was never awaited": the original's
        asyncio.wait_for(work(), 1)
    print("main returned")


asyncio.run(main())

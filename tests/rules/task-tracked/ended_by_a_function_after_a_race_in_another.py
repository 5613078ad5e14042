"""A daemon task raced against a stop signal in one function (`wait_up`, which leaves it
running), then handed in a `finally` to another that waits for it with `wait_for` (which
cancels it on its timeout): ended on every way out (TL001). The near miss hands it to one that
only races it again (`asyncio.wait` with a timeout leaves it running): nothing ends it
(TL201)."""

import asyncio


async def daemon() -> None:
    while True:
        await asyncio.sleep(1)


async def wait_up(task: "asyncio.Task[None]", stop: asyncio.Event) -> bool:
    stop_task = asyncio.create_task(stop.wait())
    try:
        done, _ = await asyncio.wait({task, stop_task}, timeout=1,
                                     return_when=asyncio.FIRST_COMPLETED)
        return task not in done
    finally:
        stop_task.cancel()


async def teardown(task: "asyncio.Task[None]") -> None:
    await asyncio.wait_for(task, timeout=5)


async def peek(task: "asyncio.Task[None]") -> None:
    await asyncio.wait({task}, timeout=5)


async def serve(stop: asyncio.Event) -> None:
    task = asyncio.create_task(daemon())
    try:
        await wait_up(task, stop)
    finally:
        await teardown(task)


async def watch(stop: asyncio.Event) -> None:
    task = asyncio.create_task(daemon())
    try:
        await wait_up(task, stop)
    finally:
        await peek(task)

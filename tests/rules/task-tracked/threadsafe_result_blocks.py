"""A thread hands work to the event loop and blocks on the concurrent Future it gets back: its
`.result()` waits (unlike an asyncio Task's), and with a timeout it may give up and leave the
work running. The words say which."""

import asyncio


async def flush() -> None:
    await asyncio.sleep(0)


def stop_and_exit(loop: asyncio.AbstractEventLoop) -> None:
    future = asyncio.run_coroutine_threadsafe(flush(), loop)
    future.result(timeout=30)


def stop(loop: asyncio.AbstractEventLoop) -> None:
    future = asyncio.run_coroutine_threadsafe(flush(), loop)
    future.result()

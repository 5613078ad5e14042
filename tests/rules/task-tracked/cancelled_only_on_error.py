"""A webhook handler that waits for its task up to a deadline through a hand-made waiter: the
task is cancelled only when the handler itself is cancelled; after the deadline the handler
returns and lets go of the task, still running. An end only an `except` handler reaches is one
the normal way out skips (RUBRIC's end-skipped, convention 4): the task finishes by itself, so
it is left to finish (low, the way out named)."""

import asyncio


async def handle(update: str) -> str:
    await asyncio.sleep(0)
    return update


async def feed_update(update: str, timeout: float = 55) -> str | None:
    loop = asyncio.get_running_loop()
    waiter = loop.create_future()

    def release(*_: object) -> None:
        if not waiter.done():
            waiter.set_result(None)

    handle_later = loop.call_later(timeout, release)
    processing = asyncio.ensure_future(handle(update))
    processing.add_done_callback(release)
    try:
        try:
            await waiter
        except asyncio.CancelledError:
            processing.cancel()
            raise
        if processing.done():
            return processing.result()
    finally:
        handle_later.cancel()
    return None

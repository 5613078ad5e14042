"""The near miss of cancelled_only_on_error.py: the handler cancels the task when
it is itself cancelled, and otherwise awaits it before it returns."""

import asyncio


async def handle(update: str) -> str:
    await asyncio.sleep(0)
    return update


async def feed_update(update: str) -> str:
    processing = asyncio.ensure_future(handle(update))
    try:
        await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        processing.cancel()
        raise
    return await processing


if __name__ == "__main__":
    print(asyncio.run(feed_update("hello")))

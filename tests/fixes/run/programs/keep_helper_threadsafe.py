"""tracked-set through the keep-helper for concurrent futures: a thread's callback posts to
the loop with run_coroutine_threadsafe."""

import asyncio
import threading

from runkit import done, gate

FIX = "tracked-set"
EXPECTED_DONE = 2


async def publish(topic: str) -> None:
    await gate()
    done(topic)


def publish_later(loop: asyncio.AbstractEventLoop, topic: str) -> threading.Thread:
    return threading.Thread(
        target=lambda: asyncio.run_coroutine_threadsafe(publish(topic), loop)
    )


async def drive_start() -> None:
    loop = asyncio.get_running_loop()
    for topic in ("a", "b"):
        thread = publish_later(loop, topic)
        thread.start()
        await asyncio.to_thread(thread.join)

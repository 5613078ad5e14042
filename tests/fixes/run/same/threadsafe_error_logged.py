"""A coroutine posted to the loop from a thread with run_coroutine_threadsafe fails: nobody reads
the concurrent future, so the error is lost (a concurrent future never logs it). The fixed
program prints the same; its keep-helper also logs the error (to stderr, checked by the test)."""

import asyncio
import threading

UNSAFE = False


async def publish(topic: str) -> None:
    raise ValueError(f"no route for {topic}")


def publish_from_thread(loop: asyncio.AbstractEventLoop, topic: str) -> None:
    asyncio.run_coroutine_threadsafe(publish(topic), loop)


async def main() -> None:
    loop = asyncio.get_running_loop()
    thread = threading.Thread(target=publish_from_thread, args=(loop, "prices"))
    thread.start()
    await asyncio.to_thread(thread.join)
    for _ in range(10):
        await asyncio.sleep(0)
    print("published")


asyncio.run(main())

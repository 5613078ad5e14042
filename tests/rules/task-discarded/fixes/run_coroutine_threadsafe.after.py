import asyncio
import concurrent.futures
import threading
from typing import Any

_background_futures: set[concurrent.futures.Future[Any]] = set()


async def publish(topic: str) -> None:
    await asyncio.sleep(0)


def publish_from_thread(loop: asyncio.AbstractEventLoop, topic: str) -> None:
    future = asyncio.run_coroutine_threadsafe(publish(topic), loop)
    _background_futures.add(future)
    future.add_done_callback(_background_futures.discard)


threading.Thread(target=publish_from_thread, args=(asyncio.new_event_loop(), "x"))

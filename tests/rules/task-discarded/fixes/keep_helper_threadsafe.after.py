import asyncio
import concurrent.futures
import threading
from typing import Any, TypeVar

_background_futures: set[concurrent.futures.Future[Any]] = set()
_FutureT = TypeVar("_FutureT", bound=concurrent.futures.Future[Any])


def _keep_future(future: _FutureT) -> _FutureT:
    """Keep the future, and the task it runs, until it is done."""
    _background_futures.add(future)
    future.add_done_callback(_background_futures.discard)
    return future


async def publish(topic: str) -> None:
    await asyncio.sleep(0)


def start(loop: asyncio.AbstractEventLoop, topic: str) -> threading.Timer:
    return threading.Timer(
        1.0, lambda: _keep_future(asyncio.run_coroutine_threadsafe(publish(topic), loop))
    )

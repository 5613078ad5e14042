import asyncio
import concurrent.futures
import logging
import threading
from typing import Any, TypeVar

_background_futures: set[concurrent.futures.Future[Any]] = set()
_FutureT = TypeVar("_FutureT", bound=concurrent.futures.Future[Any])


def _keep_future(future: _FutureT) -> _FutureT:
    """Keep the future until it is done; log its error."""
    _background_futures.add(future)
    future.add_done_callback(_keep_future_done)
    return future


def _keep_future_done(future: concurrent.futures.Future[Any]) -> None:
    _background_futures.discard(future)
    if future.cancelled():
        return
    error = future.exception()
    if error is not None:
        logging.getLogger(__name__).error("background future failed", exc_info=error)


async def publish(topic: str) -> None:
    await asyncio.sleep(0)


def start(loop: asyncio.AbstractEventLoop, topic: str) -> threading.Timer:
    return threading.Timer(
        1.0, lambda: _keep_future(
            asyncio.run_coroutine_threadsafe(publish(topic), loop)
        )
    )

"""A lambda bound to a local, then handed to a call, is that call's callback, as if written
inline: `call_later` and `add_signal_handler` call it back and drop what it returns (high). The
near misses, low: the local also called here (who calls it is not one call), handed to two
calls, or returned (its caller gets the task)."""

import asyncio
import signal
from collections.abc import Callable


async def work() -> None:
    await asyncio.sleep(1)


def later(loop: asyncio.AbstractEventLoop) -> None:
    action = lambda: loop.create_task(work())  # noqa: E731
    loop.call_later(1, action)


def on_signal(loop: asyncio.AbstractEventLoop) -> None:
    handler = lambda: asyncio.ensure_future(work())  # noqa: E731
    loop.add_signal_handler(signal.SIGTERM, handler)


def also_called(loop: asyncio.AbstractEventLoop) -> asyncio.Task[None]:
    action = lambda: loop.create_task(work())  # noqa: E731
    loop.call_later(1, action)
    return action()


def twice(loop: asyncio.AbstractEventLoop) -> None:
    action = lambda: loop.create_task(work())  # noqa: E731
    loop.call_later(1, action)
    loop.call_later(2, action)


def handed_back(loop: asyncio.AbstractEventLoop) -> Callable[[], asyncio.Task[None]]:
    action = lambda: loop.create_task(work())  # noqa: E731
    return action

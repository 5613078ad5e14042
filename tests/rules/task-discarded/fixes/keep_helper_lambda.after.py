import asyncio
import signal
from typing import Any, TypeVar

_background_tasks: set[asyncio.Task[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


async def stop() -> None:
    await asyncio.sleep(0)


def install(loop: asyncio.AbstractEventLoop) -> None:
    # the task a callback returns is dropped by the loop
    loop.add_signal_handler(signal.SIGTERM, lambda: _keep_task(
        asyncio.create_task(stop())
    ))

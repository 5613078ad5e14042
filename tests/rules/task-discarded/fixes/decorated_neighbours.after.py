import asyncio
import functools
from typing import Any, TypeVar, final

_background_tasks: set[asyncio.Task[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


@functools.lru_cache(maxsize=None)
def settings() -> dict[str, str]:
    return {}


class Client:
    """A client whose methods are decorated."""

    retries: int = 3
    """How often to retry."""

    def __init__(self) -> None:
        self.name = "client"
        """The client's name."""

    @functools.wraps(print)
    def on_event(self, loop: asyncio.AbstractEventLoop) -> None:
        loop.call_soon(lambda: _keep_task(asyncio.create_task(self.refresh())))
        _keep_task(asyncio.create_task(self.refresh()))

    async def refresh(self) -> None:
        await asyncio.sleep(0)

    @final
    async def close(self) -> None:
        """Close the client."""

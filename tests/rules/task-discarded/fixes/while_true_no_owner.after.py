import asyncio
from typing import Any, TypeVar

_background_tasks: set[asyncio.Future[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Future[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


async def heartbeat() -> None:
    while True:
        await asyncio.sleep(30)


async def main() -> None:
    _keep_task(asyncio.create_task(heartbeat()))


class Client:
    def __init__(self) -> None:
        self.ready = True

    async def connect(self) -> None:
        _keep_task(asyncio.ensure_future(self._keepalive()))

    async def _keepalive(self) -> None:
        while True:
            await asyncio.sleep(20)

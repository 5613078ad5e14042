import asyncio
import os  # noqa: F401
from typing import Any, TypeVar

_background_tasks: set[asyncio.Task[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


class Notifier:
    def __init__(self) -> None:
        self._pending: set[asyncio.Task[None]] = set()

    async def notify(self, user: str) -> None:
        # The task used to be dropped, hence the directive; it is awaited now.
        await asyncio.create_task(self._send(user))

    async def notify_all(self, users: list[str]) -> None:
        for user in users:
            task = asyncio.create_task(self._send(user))
            self._pending.add(task)
            task.add_done_callback(self._pending.discard)

    async def notify_slowly(self, user: str) -> None:
        await asyncio.create_task(self._send(user))  # noqa: E501 a long line once
        _keep_task(asyncio.create_task(self._send(user)))
        await asyncio.sleep(0)  # the pause is deliberate
        await asyncio.sleep(0)

    async def _send(self, user: str) -> None:
        await asyncio.sleep(0)

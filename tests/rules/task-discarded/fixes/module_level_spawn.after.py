import asyncio
from typing import Any, TypeVar

_background_tasks: set[asyncio.Task[Any]] = set()
_TaskT = TypeVar("_TaskT", bound=asyncio.Task[Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


async def warm_up() -> None:
    await asyncio.sleep(0)


loop = asyncio.new_event_loop()
_keep_task(loop.create_task(warm_up()))
loop.run_forever()

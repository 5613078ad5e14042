import asyncio as aio
import typing as t

_background_tasks: set[aio.Task[t.Any]] = set()
_TaskT = t.TypeVar("_TaskT", bound=aio.Task[t.Any])


def _keep_task(task: _TaskT) -> _TaskT:
    """Keep the task until it is done: the event loop holds only a weak reference."""
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task


async def ping(host: str) -> None:
    await aio.sleep(0)


async def ping_all(hosts: t.List[str]) -> None:
    for host in hosts:
        _keep_task(aio.create_task(ping(host)))

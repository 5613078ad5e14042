import asyncio as aio
import typing as t

_background_tasks: set[aio.Task[t.Any]] = set()


async def ping(host: str) -> None:
    await aio.sleep(0)


async def ping_all(hosts: t.List[str]) -> None:
    for host in hosts:
        task = aio.create_task(ping(host))
        _background_tasks.add(task)
        task.add_done_callback(_background_tasks.discard)

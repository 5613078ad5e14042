"""An app factory keeps its background tasks in a local list it hands to the start hook, which
fills it, and to the stop hook, which cancels and gathers what it holds: the hooks' parameters
have other names, and the list is the caller's, so the end is read where the caller hands the
same list on (TL001). The near miss is in collection-never-pruned: a stop hook that only counts
the tasks."""

import asyncio
from collections.abc import Callable
from typing import Any


class Worker:
    async def run(self) -> None:
        await asyncio.sleep(1)


def create_app(app: Any, worker: Worker) -> Any:
    bg_tasks: list["asyncio.Task[None]"] = []
    on_start: Callable[[Any], Any] = lambda _: start_spawn(worker, bg_tasks)
    app.on_start(on_start)
    app.on_stop(lambda _: stop_all(bg_tasks))
    return app


async def start_spawn(worker: Worker, started: list["asyncio.Task[None]"]) -> None:
    started.append(asyncio.create_task(worker.run()))


async def stop_all(running: list["asyncio.Task[None]"]) -> None:
    for task in running:
        task.cancel()
    await asyncio.gather(*running, return_exceptions=True)

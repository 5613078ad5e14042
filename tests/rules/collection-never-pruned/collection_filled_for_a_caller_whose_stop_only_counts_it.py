"""The near miss of task-tracked's collection_filled_for_a_caller_that_hands_it_to_its_stop: the
app factory hands its local list to the start hook, which fills it, and to a stop hook that only
counts what it holds. Nothing ends the tasks: the caller's list only grows (TL202)."""

import asyncio
import logging
from typing import Any


class Worker:
    async def run(self) -> None:
        await asyncio.sleep(1)


def create_app(app: Any, worker: Worker) -> Any:
    bg_tasks: list["asyncio.Task[None]"] = []
    app.on_start(lambda _: start_spawn(worker, bg_tasks))
    app.on_stop(lambda _: stop_all(bg_tasks))
    return app


async def start_spawn(worker: Worker, started: list["asyncio.Task[None]"]) -> None:
    started.append(asyncio.create_task(worker.run()))


async def stop_all(running: list["asyncio.Task[None]"]) -> None:
    logging.info("stopping with %d tasks", len(running))

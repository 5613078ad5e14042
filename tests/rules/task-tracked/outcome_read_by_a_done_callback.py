"""A run's start-up task is kept on the result object handed to the caller, and a done-callback
reads its outcome (`task.result()`), putting any error on the result: a task that ends by
itself, whose end and errors are seen."""

import asyncio
from dataclasses import dataclass


@dataclass
class RunResult:
    background_task: asyncio.Task[None] | None = None
    error: BaseException | None = None


async def start_up() -> None:
    await asyncio.sleep(0)


def invoke() -> RunResult:
    result = RunResult()
    background_task = asyncio.create_task(start_up())

    def surface_errors(task: asyncio.Task[None]) -> None:
        try:
            task.result()
        except BaseException as e:
            result.error = e

    background_task.add_done_callback(surface_errors)
    result.background_task = background_task
    return result

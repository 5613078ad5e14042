import asyncio
from typing import Any

_background_tasks_2: set[asyncio.Task[Any]] = set()

_background_tasks = ["not", "a", "set"]
task = "a global called task"


async def work() -> None:
    await asyncio.sleep(0)


async def start(task_2: int) -> None:
    print(task, task_2)
    task_3 = asyncio.create_task(work())
    _background_tasks_2.add(task_3)
    task_3.add_done_callback(_background_tasks_2.discard)

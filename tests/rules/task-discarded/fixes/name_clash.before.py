import asyncio

_background_tasks = ["not", "a", "set"]
task = "a global called task"


async def work() -> None:
    await asyncio.sleep(0)


async def start(task_2: int) -> None:
    print(task, task_2)
    asyncio.create_task(work())

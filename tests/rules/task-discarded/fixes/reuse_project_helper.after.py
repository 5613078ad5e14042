import asyncio

_tasks: set[asyncio.Task[None]] = set()


def remember(task: asyncio.Task[None]) -> asyncio.Task[None]:
    """Our own: keep a task until it is done."""
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return task


async def work() -> None:
    await asyncio.sleep(0)


async def on_message() -> None:
    remember(asyncio.create_task(work()))
    print("queued")

import asyncio

_tasks = set()


def spawn(coro):
    task = asyncio.create_task(coro)
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return task


def start(coro):
    return asyncio.create_task(coro)


def stop():
    for task in _tasks:
        task.cancel()

import asyncio
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


def make_handler(queue: asyncio.Queue[str]):
    async def handle(item: str) -> None:
        await queue.put(item)

    def on_item(item: str) -> None:
        task = asyncio.create_task(handle(item))
        _background_tasks.add(task)
        task.add_done_callback(_background_tasks.discard)

    return on_item

import asyncio
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


async def send(text: str, *, retries: int) -> None:
    await asyncio.sleep(0)


async def handle(text: str) -> None:
    task = asyncio.create_task(
        send(
            text,  # the payload
            retries=3,
        ),
        name="send",
    )
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)

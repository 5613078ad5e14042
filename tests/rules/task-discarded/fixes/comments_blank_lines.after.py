import asyncio
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


async def send(text: str) -> None:
    await asyncio.sleep(0)


async def handle(text: str) -> None:
    text = text.strip()

    # Reply at once; the client does not wait for the echo.
    # (See issue 12.)
    task = asyncio.create_task(send(text))  # keep this comment on the spawn line
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)

    # the end
    return None

import asyncio
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


async def warm_up() -> None:
    await asyncio.sleep(0)


loop = asyncio.new_event_loop()
task = loop.create_task(warm_up())
_background_tasks.add(task)
task.add_done_callback(_background_tasks.discard)
loop.run_forever()

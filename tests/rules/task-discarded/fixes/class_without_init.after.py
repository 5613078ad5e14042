import asyncio
from dataclasses import dataclass
from typing import Any

_background_tasks: set[asyncio.Task[Any]] = set()


@dataclass
class Pinger:
    host: str

    async def ping(self) -> None:
        await asyncio.sleep(0)

    def on_tick(self) -> None:
        task = asyncio.create_task(self.ping())
        _background_tasks.add(task)
        task.add_done_callback(_background_tasks.discard)

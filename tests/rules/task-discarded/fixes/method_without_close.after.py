import asyncio
from typing import Any


class Notifier:
    def __init__(self, client: Any) -> None:
        self.client = client
        self._background_tasks: set[asyncio.Task[Any]] = set()

    def notify(self, text: str) -> None:
        task = asyncio.get_running_loop().create_task(self.client.send(text))
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

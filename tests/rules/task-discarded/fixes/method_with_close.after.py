import asyncio
import json
from typing import Any


class Agent:
    """Sends replies on a websocket."""

    def __init__(self, send) -> None:
        """Keep the send function."""
        super().__init__()
        self._send = send
        self._closed = False
        self._background_tasks: set[asyncio.Task[Any]] = set()
        self._register()

    def _register(self) -> None:
        pass

    async def speak(self, message: dict[str, str]) -> None:
        task = asyncio.create_task(self._send(json.dumps(message)))
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    async def close(self) -> None:
        """Stop talking."""
        self._closed = True

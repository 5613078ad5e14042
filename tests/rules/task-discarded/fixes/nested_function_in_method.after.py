import asyncio
from typing import Any


class Session:
    def __init__(self, ws) -> None:
        self.ws = ws
        self._background_tasks: set[asyncio.Task[Any]] = set()

    async def switch(self, name: str) -> None:
        async def finish() -> None:
            await self.ws.send(name)

        def kick_off() -> None:
            task = asyncio.create_task(finish())
            self._background_tasks.add(task)
            task.add_done_callback(self._background_tasks.discard)

        kick_off()

    async def aclose(self) -> None:
        await self.ws.close()

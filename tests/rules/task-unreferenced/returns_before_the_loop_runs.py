"""The same entry points, written so that the function returns at once: the local dies with
it, while the task may still be pending."""

import asyncio


class Core:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()

    def start_in_background(self) -> None:
        _future = asyncio.run_coroutine_threadsafe(self.async_start(), self.loop)

    async def start_soon(self) -> None:
        heartbeat = asyncio.create_task(self.beat())
        while True:
            if await self.ready():
                break

    async def async_start(self) -> None:
        await asyncio.sleep(0)

    async def beat(self) -> None:
        await asyncio.sleep(30)

    async def ready(self) -> bool:
        return True

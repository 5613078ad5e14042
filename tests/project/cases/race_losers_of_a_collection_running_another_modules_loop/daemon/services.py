"""The daemon's services: a scheduler that runs until it is stopped, and a one-off check."""

import asyncio


class Scheduler:
    def __init__(self) -> None:
        self._stopping = False

    async def run(self) -> None:
        while not self._stopping:
            await asyncio.sleep(1)

    def stop(self) -> None:
        self._stopping = True


async def check_once() -> None:
    await asyncio.sleep(1)

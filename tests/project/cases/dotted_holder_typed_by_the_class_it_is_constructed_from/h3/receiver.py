"""A stream receiver: its close() cancels the run task kept on it."""

import asyncio


class Receiver:
    def __init__(self) -> None:
        self.future: asyncio.Future[None] | None = None

    async def run(self) -> None:
        await asyncio.sleep(0)

    def close(self) -> None:
        if self.future is not None:
            self.future.cancel()


class Recorder:
    def __init__(self) -> None:
        self.future: asyncio.Future[None] | None = None

    async def run(self) -> None:
        await asyncio.sleep(0)

"""The loop is a `@property` annotated `-> AbstractEventLoop`: reading it gives a loop, so
`self._loop.create_task(...)` is a spawn like any other."""

import asyncio


class Client:
    def __init__(self) -> None:
        self._loop_ref: asyncio.AbstractEventLoop | None = None

    @property
    def _loop(self) -> asyncio.AbstractEventLoop:
        assert self._loop_ref is not None
        return self._loop_ref

    def on_message(self, data: bytes) -> None:
        self._loop.create_task(self._handle(data))

    async def _handle(self, data: bytes) -> None:
        await asyncio.sleep(0)

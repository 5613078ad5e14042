"""A method that awaits an event the task's coroutine sets in a `finally` waits for the task's
end, however it makes the task stop (here: failing the framer the task reads from). The near
miss sets the event as its last statement: when the task fails, the event is never set, and
nothing ends it or reads its error."""

import asyncio


class Transport:
    def __init__(self, framer) -> None:
        self._closed = asyncio.Event()
        self._framer = framer

    def connection_made(self) -> None:
        self._task = asyncio.create_task(self.process())

    async def process(self) -> None:
        try:
            await self._framer.run()
        finally:
            self._closed.set()

    async def close(self) -> None:
        self._framer.fail()
        await self._closed.wait()


class Reader:
    def __init__(self, stream) -> None:
        self.eof = asyncio.Event()
        self.stream = stream

    def start(self) -> None:
        self.reader = asyncio.create_task(self.read_all())

    async def read_all(self) -> None:
        await self.stream.read()
        self.eof.set()

    async def stop(self) -> None:
        self.stream.fail()
        await self.eof.wait()

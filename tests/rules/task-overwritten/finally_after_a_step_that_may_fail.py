"""The near misses of task-tracked's `ended_in_the_storing_functions_finally`: the `finally`
that ends the ping loop comes after a step that may fail (`await self._handshake()`), so a
failed handshake leaves `serve()` with its ping loop running, and the reconnect loop's next
call stores another over it; and a `finally` that ends something else."""

import asyncio


class Connection:
    def __init__(self) -> None:
        self._ping_task: asyncio.Task[None] | None = None
        self._reader_task: asyncio.Task[None] | None = None
        self._other: asyncio.Task[None] | None = None
        self._messages: asyncio.Queue[str] = asyncio.Queue()

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _handshake(self) -> None:
        await asyncio.sleep(0)

    def _cancel_ping(self) -> None:
        if self._ping_task is not None and not self._ping_task.done():
            self._ping_task.cancel()

    async def serve(self) -> None:
        self._ping_task = asyncio.create_task(self._ping_loop())
        await self._handshake()
        try:
            while await self._messages.get():
                pass
        finally:
            self._cancel_ping()

    async def read(self) -> None:
        try:
            self._reader_task = asyncio.create_task(self._ping_loop())
            await self._messages.get()
        finally:
            if self._other is not None:
                self._other.cancel()

    async def close(self) -> None:
        self._cancel_ping()
        if self._reader_task is not None:
            self._reader_task.cancel()


class Client:
    def __init__(self) -> None:
        self._conn = Connection()
        self._closed = False

    async def run(self) -> None:
        while not self._closed:
            try:
                await self._conn.serve()
                await self._conn.read()
            except OSError:
                await asyncio.sleep(1)

    async def close(self) -> None:
        self._closed = True
        await self._conn.close()

"""echorpc's connection (dev50): `serve()` stores a ping loop in `self._ping_task` and ends it in
its own `finally`, through `_cancel_ping()`, on every way out; the client calls `serve()` again
in its reconnect loop only after the last call has returned, so each store finds the old ping
loop cancelled. The same when the store is inside the `try`."""

import asyncio


class Connection:
    def __init__(self) -> None:
        self._ping_task: asyncio.Task[None] | None = None
        self._reader_task: asyncio.Task[None] | None = None
        self._messages: asyncio.Queue[str] = asyncio.Queue()

    async def _ping_loop(self) -> None:
        while True:
            await asyncio.sleep(1)

    def _cancel_ping(self) -> None:
        if self._ping_task is not None and not self._ping_task.done():
            self._ping_task.cancel()

    async def serve(self) -> None:
        self._ping_task = asyncio.create_task(self._ping_loop())
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
            if self._reader_task is not None:
                self._reader_task.cancel()

    async def close(self) -> None:
        self._cancel_ping()


class Client:
    def __init__(self) -> None:
        self._conn = Connection()
        self._closed = False

    async def run(self) -> None:
        while not self._closed:
            await self._conn.serve()
            await self._conn.read()

"""The same close task, but its done-callback never reads the task's outcome (only that it is
done): nothing sees its errors and nothing ends it, so it stays a task kept and never ended.
A name is no evidence: `_closed` is called on completion, not a closer."""

import asyncio


class Connection:
    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self._writer = writer
        self._close_task: asyncio.Task[None] | None = None
        self.closed = asyncio.Event()

    async def _shutdown(self) -> None:
        self._writer.close()
        await self._writer.wait_closed()

    def _closed(self, task: asyncio.Task[None]) -> None:
        self.closed.set()

    def close(self) -> None:
        if self._close_task is None:
            self._close_task = asyncio.create_task(self._shutdown())
            self._close_task.add_done_callback(self._closed)

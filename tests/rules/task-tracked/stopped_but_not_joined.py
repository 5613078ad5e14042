"""stop() sets the event the sender's loop tests, then waits for an event the loop never sets
(`_ready`, set by start()): no join, unlike task-tracked/stopped_and_joined_through_events.py,
but the loop has a shutdown path, so the task is kept and ended (SPEC: ended on the owner's
shutdown path)."""

import asyncio


class Sender:
    def __init__(self) -> None:
        self._close_event = asyncio.Event()
        self._ready = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def _worker(self) -> None:
        while not self._close_event.is_set():
            await asyncio.sleep(5)

    async def start(self) -> None:
        self._task = asyncio.create_task(self._worker())
        self._ready.set()

    async def stop(self) -> None:
        self._close_event.set()
        await self._ready.wait()

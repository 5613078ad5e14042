"""The near miss of task-tracked/stopped_and_joined_through_events.py: stop() sets the event the
loop tests, then waits for an event the loop never sets (`_ready`, set by start()): nothing
waits for the task's end, so an error in it is never seen."""

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

"""Near miss of task-tracked/done_callback_prunes_through_a_default: the done-callback's
default names another collection (`_done=self._finished`), so the callback removes the task
from that one, and the collection it was put in only grows."""

import asyncio


class Transport:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()
        self._finished: set[asyncio.Task[None]] = set()

    def request(self, request: bytes) -> None:
        t = asyncio.get_running_loop().create_task(self._request(request))
        self._tasks.add(t)
        self._finished.add(t)

        def done(t: asyncio.Task[None], _done: set[asyncio.Task[None]] = self._finished) -> None:
            _done.discard(t)

        t.add_done_callback(done)

    async def _request(self, request: bytes) -> None:
        await asyncio.sleep(len(request))

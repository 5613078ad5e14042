"""A voice player waits for three events with a timeout: the list holds the events' `wait()`
coroutines, written out, and `ensure_future` of each makes a task. On the timeout the pending
ones are never cancelled and wait on their events until something sets them, if anything does
(mafic's `Player.connect`). What each `fut` runs is an element of the list, not followed to its
function: what cannot be resolved is low, and the words say so (RUBRIC convention 7)."""

import asyncio


class Player:
    def __init__(self) -> None:
        self._state = asyncio.Event()
        self._server = asyncio.Event()
        self._ready = asyncio.Event()

    async def connect(self, timeout: float) -> None:
        futures = [self._state.wait(), self._server.wait(), self._ready.wait()]
        ensured = [asyncio.ensure_future(fut) for fut in futures]
        _, pending = await asyncio.wait(ensured, timeout=timeout)
        if pending:
            raise asyncio.TimeoutError

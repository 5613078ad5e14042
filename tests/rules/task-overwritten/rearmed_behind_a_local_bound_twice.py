"""The near miss of task-tracked's `rearmed_behind_a_local_that_tests_it`: `fired` is bound
twice, the second time to something else than the waiter's state (`fired = self._forced`), so
the test is not the waiter's: a forced re-arm replaces a waiter still waiting."""

import asyncio


class Committer:
    def __init__(self) -> None:
        self._event = asyncio.Event()
        self._forced = False
        self._waiter: asyncio.Task[bool] | None = None

    def _rearm(self) -> None:
        self._event.clear()
        self._waiter = asyncio.create_task(self._event.wait())

    async def run(self) -> None:
        while True:
            await asyncio.sleep(1)
            fired = self._waiter is None or self._waiter.done()
            if self._forced:
                fired = self._forced
            if fired:
                self._rearm()

    async def close(self) -> None:
        if self._waiter is not None:
            self._waiter.cancel()

"""A task passed straight to a method of this module that only adds a done-callback (and reads
the result once done): nothing keeps it, so it is dropped as the call returns (issue 23, kind
1's reverse). Near miss: task-tracked/handed_to_a_method_that_keeps_it.py."""

import asyncio


class Stream:
    async def _close(self) -> None:
        await asyncio.sleep(0)

    def _detach(self, task: asyncio.Future[None]) -> None:
        if task.done():
            self._consume(task)
            return
        task.add_done_callback(self._consume)

    @staticmethod
    def _consume(task: asyncio.Future[None]) -> None:
        try:
            task.result()
        except asyncio.CancelledError:
            pass

    def close_soon(self) -> None:
        self._detach(asyncio.ensure_future(self._close()))

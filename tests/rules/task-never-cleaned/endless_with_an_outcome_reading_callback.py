"""Near miss of task-tracked/outcome_read_by_a_done_callback: the done-callback reads the
outcome, but the task is a `while True` loop that never ends by itself, and nothing cancels it;
a callback that runs only at an end that never comes ends nothing."""

import asyncio


class Heartbeat:
    def start(self) -> None:
        self._beat = asyncio.create_task(self._run())
        self._beat.add_done_callback(self._done)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(30)

    def _done(self, task: asyncio.Task[None]) -> None:
        print(task.exception())

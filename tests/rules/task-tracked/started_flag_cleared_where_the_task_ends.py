"""The near miss of task-overwritten/flag_reset_on_stop.py: stop() resets the running flag only
after it cancels the poller, so a reconnect never spawns a second one over a live one."""

import asyncio


class Poller:
    def __init__(self, client: Client) -> None:
        client.add_listener("reconnect", self.on_reconnect)
        self._running = False
        self._poll_task: asyncio.Task[None] | None = None

    async def on_reconnect(self) -> None:
        if self._running:
            return
        self._running = True
        self._poll_task = asyncio.create_task(self._poll())

    def stop(self) -> None:
        if self._poll_task is not None:
            self._poll_task.cancel()
        self._running = False

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(5)

"""A running flag that stop() resets is no guard: the next reconnect spawns a second poller
while the first one still runs, and close() only cancels the last one."""

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
        self._running = False

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def close(self) -> None:
        if self._poll_task is not None:
            self._poll_task.cancel()

"""The near miss of task-tracked/guard_flag_reset_by_the_task.py: the flag is reset by the loop
on every error, not by the reconnect task, so a second reconnect can start while the first one
still runs, and the first is left behind."""

import asyncio


class Sender:
    def __init__(self) -> None:
        self._connected = True
        self._reconnecting = False
        self._reconnect_task: asyncio.Task[None] | None = None

    def _start_reconnect(self) -> None:
        if self._connected and not self._reconnecting:
            self._reconnecting = True
            self._reconnect_task = asyncio.create_task(self._reconnect())

    async def _reconnect(self) -> None:
        await asyncio.sleep(1)

    async def _send_loop(self) -> None:
        while self._connected:
            await asyncio.sleep(0.01)
            self._reconnecting = False
            self._start_reconnect()

    async def disconnect(self) -> None:
        self._connected = False
        if self._reconnect_task is not None:
            self._reconnect_task.cancel()

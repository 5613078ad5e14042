"""A climate entity refreshes its schedule whenever the bus reports a state change: the handler
is registered with the bus, so it runs again and again, whatever its name says."""

import asyncio


class Thermostat:
    def __init__(self, bus) -> None:
        self._schedule_task: asyncio.Task[None] | None = None
        bus.add_listener("state_changed", self._sync_schedule)

    def _sync_schedule(self, event) -> None:
        self._schedule_task = asyncio.create_task(self._apply(event))

    async def _apply(self, event) -> None:
        await asyncio.sleep(0)

    async def close(self) -> None:
        if self._schedule_task is not None:
            self._schedule_task.cancel()

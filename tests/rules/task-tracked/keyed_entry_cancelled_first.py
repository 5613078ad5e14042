"""Siren timers: each siren's switch-off timer lives under its id; every status update
reschedules it, but _schedule_siren_off() first calls _cancel_siren_off(), which pops and
cancels the timer already there."""

import asyncio


class ProtectApi:
    def __init__(self) -> None:
        self._siren_off_tasks: dict[str, asyncio.Task[None]] = {}

    def reschedule_all(self, delays: dict[str, float]) -> None:
        for siren_id, delay in delays.items():
            self._schedule_siren_off(siren_id, delay)

    def _schedule_siren_off(self, siren_id: str, delay: float) -> None:
        self._cancel_siren_off(siren_id)
        self._siren_off_tasks[siren_id] = asyncio.create_task(self._announce_off(siren_id, delay))

    def _cancel_siren_off(self, siren_id: str) -> None:
        task = self._siren_off_tasks.pop(siren_id, None)
        if task is not None:
            task.cancel()

    async def _announce_off(self, siren_id: str, delay: float) -> None:
        await asyncio.sleep(delay)
        if self._siren_off_tasks.get(siren_id) is asyncio.current_task():
            del self._siren_off_tasks[siren_id]

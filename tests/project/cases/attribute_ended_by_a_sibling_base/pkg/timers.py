"""Mixins that start a timer task on `self._timer` and never end it themselves."""

import asyncio


class TimerMixin:
    def start_timer(self) -> None:
        self._timer = asyncio.ensure_future(self.expired())

    async def expired(self) -> None:
        await asyncio.sleep(1)


class OtherTimerMixin:
    def start_timer(self) -> None:
        self._timer = asyncio.ensure_future(self.expired())

    async def expired(self) -> None:
        await asyncio.sleep(1)

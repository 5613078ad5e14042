"""A task kept in an attribute whose own coroutine cancels it at the end of its body: it is
finishing then (and a failure before skips that), so no owner ever ends it."""

import asyncio


class Cover:
    def __init__(self) -> None:
        self._update_task: asyncio.Task[None] | None = None
        self.moving = False

    async def _update_calls(self) -> None:
        while self.moving:
            await asyncio.sleep(1)
            await self.after_update()
        if self._update_task:
            self._update_task.cancel()
            self._update_task = None

    async def after_update(self) -> None:
        await asyncio.sleep(0)

    def get_position(self) -> int:
        if self.moving and not self._update_task:
            self._update_task = asyncio.create_task(self._update_calls())
        return 0


class Shade(Cover):
    async def _update_calls(self) -> None:
        while self.moving:
            await asyncio.sleep(1)
        if self._update_task:
            self._update_task.cancel()

    def get_position(self) -> int:
        if self.moving and not self._update_task:
            self._update_task = asyncio.create_task(self._update_calls())
        return 0

    def close(self) -> None:
        # the owner's end: tracked
        if self._update_task:
            self._update_task.cancel()

"""`send_cmd` hands its task to the base class, which keeps and ends it, and returns it too: a
caller that drops the returned task drops a borrowed reference and loses nothing (no row at
the calls). `send_raw` hands it to `_track`, which keeps nothing: the returned task is the only
reference, and each caller that drops it loses the task (TL101 at the call)."""

import asyncio

from devices.base import Base


class Device(Base):
    async def _send(self, cmd: str) -> None:
        await asyncio.sleep(0)

    def send_cmd(self, cmd: str) -> "asyncio.Task[None]":
        task = asyncio.create_task(self._send(cmd))
        self._keep(task)
        return task

    def send_raw(self, cmd: str) -> "asyncio.Task[None]":
        task = asyncio.create_task(self._send(cmd))
        self._track(task)
        return task

    async def ping(self) -> None:
        self.send_cmd("ping")
        self.send_raw("ping")

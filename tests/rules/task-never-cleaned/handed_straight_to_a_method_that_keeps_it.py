"""A loop handed straight to a method of its own class that stores it (`self._keep(spawn(...))`,
`_keep` doing `self._t = task`), never awaited or cancelled. Handed straight or through a local
(`task = spawn(...); self._keep(task)`), the store is followed the same way: TL201 for both
rows (the direct form was "handed to self._keep(), which keeps it" before)."""

import asyncio


class Poller:
    def _keep(self, task: "asyncio.Task[None]") -> None:
        self._task = task

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def start(self) -> None:
        self._keep(asyncio.create_task(self._poll()))

    async def restart_later(self) -> None:
        task = asyncio.create_task(self._poll())
        self._keep(task)

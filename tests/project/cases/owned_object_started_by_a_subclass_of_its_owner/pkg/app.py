"""The owner's subclass starts the exporter its base makes and keeps (a call on the attribute
it does not bind): the owner's objects run the loop, and their close never stops it (medium at
the spawn). The near miss, an owner that never starts it nor any class derived from it:
`owned_object_never_started_by_its_owner`."""

import asyncio

from pkg.base import AppBase


class App(AppBase):
    async def run(self) -> None:
        self.exporter.start()
        await asyncio.create_task(asyncio.sleep(0))

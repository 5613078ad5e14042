"""Classes derived from base.py's, reading the loops their bases hold: `self.evloop` an asyncio
loop (its task dropped: high), `self.io` and `self.loop` tornado IOLoops, which keep an
`async def`'s task until it is done (low), also through a class of this module derived from
the imported one."""

import asyncio

from app.base import ClusterApp, Node


class Worker(Node):
    def go(self) -> None:
        self.evloop.create_task(self.run())
        self.io.add_callback(self.run)

    async def run(self) -> None:
        await asyncio.sleep(0)


class Stopper(ClusterApp):
    def on_signal(self) -> None:
        self.loop.add_callback_from_signal(self.stop_cluster)

    async def stop_cluster(self) -> None:
        await asyncio.sleep(0)


class Starter(Stopper):
    def start(self) -> None:
        self.loop.add_callback(self.start_cluster)

    async def start_cluster(self) -> None:
        await asyncio.sleep(0)

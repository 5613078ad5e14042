"""pyrogram's session: `start()` stores the pinger; the reader task it starts restarts the
session when the link drops, and `restart()` first calls `stop()`, which ends the pinger, then
`start()` again: no pinger is left running behind the new one (low). The near miss's
`reconnect()` calls `start()` without stopping first: the old pinger keeps running (TL103)."""

import asyncio
from typing import Any


class Session:
    def __init__(self, link: Any) -> None:
        self.link = link
        self.ping_task: asyncio.Task[None] | None = None
        self.recv_task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self.link.connect()
        self.recv_task = asyncio.create_task(self.recv_worker())
        self.ping_task = asyncio.create_task(self.ping_worker())

    async def stop(self) -> None:
        if self.ping_task is not None:
            self.ping_task.cancel()
        await self.link.close()

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    async def ping_worker(self) -> None:
        while True:
            await asyncio.sleep(10)
            await self.link.send(b"ping")

    async def recv_worker(self) -> None:
        while True:
            packet = await self.link.read()
            if packet is None:
                await self.restart()
                return


class CarelessSession:
    def __init__(self, link: Any) -> None:
        self.link = link
        self.ping_task: asyncio.Task[None] | None = None
        self.recv_task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self.link.connect()
        self.recv_task = asyncio.create_task(self.recv_worker())
        self.ping_task = asyncio.create_task(self.ping_worker())

    async def stop(self) -> None:
        if self.ping_task is not None:
            self.ping_task.cancel()
        await self.link.close()

    async def reconnect(self) -> None:
        await self.start()

    async def ping_worker(self) -> None:
        while True:
            await asyncio.sleep(10)
            await self.link.send(b"ping")

    async def recv_worker(self) -> None:
        while True:
            packet = await self.link.read()
            if packet is None:
                await self.reconnect()
                return

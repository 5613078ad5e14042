"""Shutdown helpers that fire their coroutines through gather/shield/wait_for without awaiting:
the tasks gather and shield create are held by nobody, and the wait_for coroutine never runs."""

import asyncio


class NotifierPool:
    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.servers: dict[str, "EventServer"] = {}

    async def cleanup_on_stop(self) -> None:
        async with self.lock:
            stops = (server.stop() for server in self.servers.values())
            asyncio.gather(*stops)
            self.servers = {}

    def close_soon(self, server: "EventServer") -> None:
        asyncio.shield(server.stop())

    def close_with_deadline(self, server: "EventServer") -> None:
        asyncio.wait_for(server.stop(), timeout=5)

    async def restart_all(self) -> None:
        # awaited on the spot, or given tasks that exist already: not spawns
        await asyncio.gather(*(server.stop() for server in self.servers.values()))
        tasks = [asyncio.create_task(server.start()) for server in self.servers.values()]
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=30)


class EventServer:
    async def start(self) -> None:
        await asyncio.sleep(0)

    async def stop(self) -> None:
        await asyncio.sleep(0)

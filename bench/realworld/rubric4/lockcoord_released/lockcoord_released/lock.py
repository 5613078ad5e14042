import asyncio
import json
from typing import Optional, Tuple


class DistributedLock:
    """A lock on a coordination server, kept alive by a renew loop while held."""

    def __init__(self, server: Tuple[str, int], name: str, owner: str, ttl: float = 10.0) -> None:
        self.server = server
        self.name = name
        self.owner = owner
        self.ttl = ttl
        self._renew_task: Optional[asyncio.Task] = None

    async def _send(self, op: str) -> dict:
        reader, writer = await asyncio.open_connection(*self.server)
        try:
            writer.write(json.dumps({"op": op, "lock": self.name, "owner": self.owner, "ttl": self.ttl}).encode() + b"\n")
            await writer.drain()
            return json.loads(await reader.readline())
        finally:
            writer.close()

    async def acquire(self) -> bool:
        if not (await self._send("acquire")).get("ok"):
            return False
        if self._renew_task is None:
            self._renew_task = asyncio.create_task(self._renew())
        return True

    async def _renew(self) -> None:
        while True:
            await asyncio.sleep(self.ttl / 3)
            try:
                await self._send("renew")
            except OSError:
                pass

    async def release(self) -> None:
        if self._renew_task is not None:
            self._renew_task.cancel()
            self._renew_task = None
        try:
            await self._send("release")
        except OSError:
            pass

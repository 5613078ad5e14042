from __future__ import annotations

import asyncio


class CoordinationStore:
    def __init__(self) -> None:
        self.members: dict[str, float] = {}
        self.available = True

    async def register(self, node_id: str) -> None:
        await asyncio.sleep(0)
        if not self.available:
            raise ConnectionError("coordination store unavailable")
        self.members[node_id] = asyncio.get_running_loop().time()

    async def renew(self, node_id: str) -> None:
        await asyncio.sleep(0)
        self.members[node_id] = asyncio.get_running_loop().time()

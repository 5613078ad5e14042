import asyncio
import itertools
import json


class CommandRouter:
    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self._writer = writer
        self._follow: asyncio.Task | None = None
        self._lookups: dict[int, asyncio.Task] = {}
        self._request_ids = itertools.count()

    def dispatch(self, message: dict) -> None:
        if message["op"] == "follow":
            old = self._follow
            if old is not None and not old.done():
                old.cancel()
            self._follow = asyncio.create_task(self._tail(message["room"]))
        elif message["op"] == "lookup":
            request_id = next(self._request_ids)
            self._lookups[request_id] = asyncio.create_task(
                self._lookup(request_id, message["user"]))
        asyncio.create_task(self._writer.drain())

    async def _tail(self, room: str) -> None:
        while True:
            await asyncio.sleep(1.0)
            self._writer.write(json.dumps({"room": room, "tick": True}).encode() + b"\n")

    async def _lookup(self, request_id: int, user: str) -> None:
        try:
            await asyncio.sleep(0.05)
            self._writer.write(json.dumps({"user": user, "online": True}).encode() + b"\n")
        finally:
            self._lookups.pop(request_id, None)

    async def close(self) -> None:
        tasks = list(self._lookups.values())
        if self._follow is not None:
            tasks.append(self._follow)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

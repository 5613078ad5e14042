"""Chat rooms: one pump task per member forwards the room's messages to that member."""
from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field


@dataclass
class Member:
    user_id: int
    name: str
    inbox: asyncio.Queue[str] = field(default_factory=asyncio.Queue)
    outbox: list[str] = field(default_factory=list)

    async def send(self, text: str) -> None:
        await asyncio.sleep(0)
        self.outbox.append(text)


class Room:
    def __init__(self, name: str) -> None:
        self.name = name
        self._members: dict[int, Member] = {}
        self._pumps: dict[int, asyncio.Task[None]] = {}

    def join(self, member: Member) -> None:
        self._members[member.user_id] = member
        self._pumps[member.user_id] = asyncio.create_task(self._pump(member))
        asyncio.create_task(member.send(f"welcome to {self.name}, {member.name}"))

    async def _pump(self, member: Member) -> None:
        while True:
            await member.send(await member.inbox.get())

    async def leave(self, user_id: int) -> None:
        self._members.pop(user_id, None)
        pump = self._pumps.pop(user_id, None)
        if pump is not None:
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pump

    async def say(self, text: str) -> None:
        await asyncio.gather(*(m.send(text) for m in self._members.values()))

    async def close(self) -> None:
        for user_id in list(self._pumps):
            await self.leave(user_id)

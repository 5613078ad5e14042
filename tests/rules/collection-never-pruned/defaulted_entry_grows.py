"""Notification fan-out: every push is kept in its user's set, which `setdefault` makes when
missing, and nothing ever removes one."""

import asyncio

from .push import PushClient


class Notifier:
    def __init__(self, push: PushClient) -> None:
        self.push = push
        self._sent: dict[str, set[asyncio.Task[bool]]] = {}

    async def on_event(self, user_id: str, text: str) -> None:
        task = asyncio.create_task(self.push.send(user_id, text))
        self._sent.setdefault(user_id, set()).add(task)

    def pending_for(self, user_id: str) -> int:
        return sum(1 for t in self._sent.get(user_id, set()) if not t.done())

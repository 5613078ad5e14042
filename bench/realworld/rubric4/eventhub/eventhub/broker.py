import asyncio
import json
from typing import List

from .subscriber import Handler, Subscriber


class Broker:
    def __init__(self, journal_path: str) -> None:
        self.journal_path = journal_path
        self._subs: List[Subscriber] = []

    def subscribe(self, pattern: str, handler: Handler) -> Subscriber:
        sub = Subscriber(pattern, handler)
        self._subs.append(sub)
        return sub

    async def unsubscribe(self, sub: Subscriber) -> None:
        self._subs.remove(sub)
        await sub.close()

    async def publish(self, topic: str, event: dict) -> None:
        asyncio.shield(self._journal(topic, event))
        await asyncio.gather(*(s.offer(topic, event) for s in self._subs if s.matches(topic)))

    async def _journal(self, topic: str, event: dict) -> None:
        line = json.dumps({"topic": topic, "event": event}) + "\n"
        await asyncio.to_thread(self._append, line)

    def _append(self, line: str) -> None:
        with open(self.journal_path, "a") as fh:
            fh.write(line)

    async def close(self) -> None:
        subs, self._subs = self._subs, []
        for sub in subs:
            await sub.close()

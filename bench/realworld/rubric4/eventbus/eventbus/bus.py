import asyncio
from collections import defaultdict
from typing import DefaultDict, List

from .listener import Callback, Listener


class EventBus:
    def __init__(self) -> None:
        self._listeners: DefaultDict[str, List[Listener]] = defaultdict(list)

    def on(self, channel: str, callback: Callback) -> Listener:
        listener = Listener(channel, callback)
        self._listeners[channel].append(listener)
        return listener

    def emit(self, channel: str, event: dict) -> None:
        for listener in self._listeners.get(channel, []):
            asyncio.create_task(listener.deliver(event))

    async def shutdown(self) -> None:
        self._listeners.clear()

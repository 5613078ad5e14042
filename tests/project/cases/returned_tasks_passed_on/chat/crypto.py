"""Another module, calling the dispatcher through an attribute typed in `__init__`: it drops
the tasks `dispatch_event` returns (what `dispatch_manual_event` spawned), once per event; the
near miss awaits them."""

import asyncio

from chat.syncer import Syncer


class OlmMachine:
    def __init__(self, client: Syncer) -> None:
        self.client = client

    def handle_to_device_event(self, data: dict[str, str]) -> None:
        self.client.dispatch_event("to_device", data)

    async def handle_room_key(self, data: dict[str, str]) -> None:
        await asyncio.gather(*self.client.dispatch_event("room_key", data))

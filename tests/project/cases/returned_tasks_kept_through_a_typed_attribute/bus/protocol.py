"""The near miss of returned_tasks_dropped_through_a_typed_attribute: the callers keep what
the dispatcher returns and wait for it, and a caller through an attribute with no declared type
is not followed (no claim is made)."""

import asyncio

from bus.dispatch import Dispatcher


class Protocol:
    def __init__(self, dispatcher: Dispatcher[str], other) -> None:  # type: ignore[no-untyped-def]
        self.dispatcher = dispatcher
        self.other = other

    async def data_received(self, data: bytes) -> None:
        await asyncio.gather(*self.dispatcher.dispatch(data.decode()))
        await self.dispatcher.announce("received")
        self.other.dispatch("not followed")

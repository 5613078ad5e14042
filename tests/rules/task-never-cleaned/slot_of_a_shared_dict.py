"""A task stored in one fixed slot of a dict another object holds (`app.data[KEY]`): one slot,
not a growing collection, and nothing in the module awaits or cancels it; the message says
which reads it checked. The slot whose task a stop function pops and cancels is tracked."""

import asyncio

KEY_STOP = "stop_listener"


async def wait_for_stop() -> None:
    await asyncio.sleep(3600)


def setup(app) -> None:  # noqa: ANN001
    app.data[KEY_STOP] = asyncio.create_task(wait_for_stop())


class Watcher:
    def __init__(self) -> None:
        self.slots: dict[str, asyncio.Task[None]] = {}

    def start(self) -> None:
        self.slots["watch"] = asyncio.create_task(wait_for_stop())

    def stop(self) -> None:
        self.slots.pop("watch").cancel()

"""The spawning function is called by a handler registered for every message: it runs once per
message, so a second message from the same client overwrites the running reply."""

import asyncio

replies: dict[str, asyncio.Task[None]] = {}


async def reply(client_id: str) -> None:
    await asyncio.sleep(0)


def start_reply(client_id: str) -> None:
    replies[client_id] = asyncio.create_task(reply(client_id))


async def on_message(client_id: str) -> None:
    start_reply(client_id)


def setup(bus) -> None:
    bus.subscribe("message", on_message)


async def on_disconnect(client_id: str) -> None:
    task = replies.pop(client_id, None)
    if task is not None:
        task.cancel()

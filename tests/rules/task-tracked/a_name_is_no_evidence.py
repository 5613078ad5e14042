"""A function named like a handler (`handle_message`) overwrites a keyed entry, but nothing in
the module says it runs more than once: a name is no evidence, so no re-spawn is claimed."""

import asyncio

replies: dict[str, asyncio.Task[None]] = {}


async def reply(client_id: str) -> None:
    await asyncio.sleep(0)


async def handle_message(client_id: str) -> None:
    replies[client_id] = asyncio.create_task(reply(client_id))


async def on_disconnect(client_id: str) -> None:
    task = replies.pop(client_id, None)
    if task is not None:
        task.cancel()

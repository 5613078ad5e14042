"""Stores of a task per client into module-level dicts, with no cancel of the entry's task and
no test for one first: whether they replace a running task is whether something runs them
again for the same client, which only other modules tell."""

import asyncio

replies: dict[str, asyncio.Task[None]] = {}
greetings: dict[str, asyncio.Task[None]] = {}


async def reply(client_id: str) -> None:
    await asyncio.sleep(1)


def start_reply(client_id: str) -> None:
    replies[client_id] = asyncio.create_task(reply(client_id))


def start_greeting(client_id: str) -> None:
    greetings[client_id] = asyncio.create_task(reply(client_id))


async def on_disconnect(client_id: str) -> None:
    for tasks in (replies, greetings):
        task = tasks.pop(client_id, None)
        if task is not None:
            task.cancel()

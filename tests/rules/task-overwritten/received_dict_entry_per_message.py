"""A conversation turn per message, stored in a dict entry keyed by client that the handler
passes in: a second message from the same client replaces the entry while the first turn still
runs, and neither the interrupt nor the disconnect can reach that turn any more (TL103). Whose
dict it is changes nothing; a `.done()` check in another handler guards nothing here, nor does
one that only logs before the store. The near miss cancels the running turn before it stores
the new one."""

import asyncio
from typing import Any

Tasks = dict[str, "asyncio.Task[None]"]


async def run_turn(client_uid: str, text: str) -> None:
    await asyncio.sleep(1)


async def start_turn(client_uid: str, text: str, tasks: Tasks) -> None:
    tasks[client_uid] = asyncio.create_task(run_turn(client_uid, text))


async def checked_turn(client_uid: str, text: str, tasks: Tasks) -> None:
    running = tasks.get(client_uid)
    if running is not None and not running.done():
        print("a turn is still running; starting another")
    tasks[client_uid] = asyncio.create_task(run_turn(client_uid, text))


async def restart_turn(client_uid: str, text: str, tasks: Tasks) -> None:
    running = tasks.get(client_uid)
    if running is not None:
        running.cancel()
    tasks[client_uid] = asyncio.create_task(run_turn(client_uid, text))


async def interrupt(client_uid: str, tasks: Tasks) -> None:
    task = tasks.get(client_uid)
    if task is not None and not task.done():
        task.cancel()


class ChatServer:
    def __init__(self, bus: Any) -> None:
        self.tasks: Tasks = {}
        bus.subscribe("message", self.on_message)
        bus.subscribe("interrupt", self.on_interrupt)
        bus.subscribe("edit", self.on_edit)
        bus.subscribe("retry", self.on_retry)

    async def on_message(self, client_uid: str, text: str) -> None:
        await start_turn(client_uid, text, self.tasks)

    async def on_retry(self, client_uid: str, text: str) -> None:
        await checked_turn(client_uid, text, self.tasks)

    async def on_edit(self, client_uid: str, text: str) -> None:
        await restart_turn(client_uid, text, self.tasks)

    async def on_interrupt(self, client_uid: str) -> None:
        await interrupt(client_uid, self.tasks)

    async def on_disconnect(self, client_uid: str) -> None:
        task = self.tasks.pop(client_uid, None)
        if task is not None:
            task.cancel()

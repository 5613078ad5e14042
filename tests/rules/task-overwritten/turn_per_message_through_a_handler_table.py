"""A voice-chat server: the websocket loop takes each message from the client's queue and routes
it through a table of handlers; a text message starts a conversation turn kept in a dict entry
keyed by the client, which the server passes in. A second message from the same client replaces
the entry while the first turn still runs: once per message (TL103 high), and neither the
interrupt nor the disconnect can reach the first turn any more. The near misses: a turn stored
only when the entry is missing or done, one that cancels the running turn before it stores the
new one, and one kept under a key made fresh for each call (pruned when the turn ends)."""

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

Tasks = dict[str, "asyncio.Task[None]"]
Handler = Callable[[str, dict[str, Any]], Awaitable[None]]


async def run_turn(client_uid: str, text: str) -> None:
    await asyncio.sleep(1)


async def start_turn(client_uid: str, text: str, tasks: Tasks) -> None:
    tasks[client_uid] = asyncio.create_task(run_turn(client_uid, text))


async def start_turn_when_idle(client_uid: str, text: str, tasks: Tasks) -> None:
    if client_uid not in tasks or tasks[client_uid].done():
        tasks[client_uid] = asyncio.create_task(run_turn(client_uid, text))


async def restart_turn(client_uid: str, text: str, tasks: Tasks) -> None:
    running = tasks.get(client_uid)
    if running is not None:
        running.cancel()
    tasks[client_uid] = asyncio.create_task(run_turn(client_uid, text))


async def start_side_turn(client_uid: str, text: str, tasks: Tasks) -> None:
    turn_id = uuid.uuid4().hex
    task = tasks[turn_id] = asyncio.create_task(run_turn(client_uid, text))
    task.add_done_callback(lambda _: tasks.pop(turn_id, None))


async def interrupt(client_uid: str, tasks: Tasks) -> None:
    task = tasks.get(client_uid)
    if task is not None and not task.done():
        task.cancel()


class WebSocketHandler:
    def __init__(self) -> None:
        self.tasks: Tasks = {}
        self._handlers = self._init_handlers()

    def _init_handlers(self) -> dict[str, Handler]:
        return {
            "text-input": self._on_text,
            "idle-input": self._on_idle_text,
            "edit-input": self._on_edit,
            "side-input": self._on_side_text,
            "interrupt-signal": self._on_interrupt,
        }

    async def communicate(self, client_uid: str, queue: "asyncio.Queue[dict[str, Any]]") -> None:
        try:
            while True:
                data = await queue.get()
                await self._route(client_uid, data)
        finally:
            await self.on_disconnect(client_uid)

    async def _route(self, client_uid: str, data: dict[str, Any]) -> None:
        handler = self._handlers.get(data.get("type", ""))
        if handler:
            await handler(client_uid, data)

    async def _on_text(self, client_uid: str, data: dict[str, Any]) -> None:
        await start_turn(client_uid, data["text"], tasks=self.tasks)

    async def _on_idle_text(self, client_uid: str, data: dict[str, Any]) -> None:
        await start_turn_when_idle(client_uid, data["text"], tasks=self.tasks)

    async def _on_edit(self, client_uid: str, data: dict[str, Any]) -> None:
        await restart_turn(client_uid, data["text"], tasks=self.tasks)

    async def _on_side_text(self, client_uid: str, data: dict[str, Any]) -> None:
        await start_side_turn(client_uid, data["text"], tasks=self.tasks)

    async def _on_interrupt(self, client_uid: str, data: dict[str, Any]) -> None:
        await interrupt(client_uid, self.tasks)

    async def on_disconnect(self, client_uid: str) -> None:
        task = self.tasks.pop(client_uid, None)
        if task is not None:
            task.cancel()

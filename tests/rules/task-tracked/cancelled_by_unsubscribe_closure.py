"""A websocket history stream: the consumer task lives on a per-subscription object, and the
unsubscribe callback defined above the spawn cancels it when the client unsubscribes or the
connection closes. That cancel is the task's cleanup, not a replacement."""

import asyncio
from dataclasses import dataclass


@dataclass
class LiveStream:
    queue: asyncio.Queue
    task: asyncio.Task | None = None


async def _consume(connection, msg_id: int, queue: asyncio.Queue) -> None:
    while True:
        event = await queue.get()
        connection.send_message(msg_id, event)


async def handle_stream(connection, msg: dict) -> None:
    msg_id = msg["id"]
    stream = LiveStream(asyncio.Queue())

    def _unsub() -> None:
        if stream.task:
            stream.task.cancel()

    connection.subscriptions[msg_id] = _unsub
    connection.send_result(msg_id)
    stream.task = asyncio.create_task(_consume(connection, msg_id, stream.queue))

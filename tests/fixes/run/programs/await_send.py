"""await (unsafe): the websocket send is awaited instead of spawned."""

import asyncio

from runkit import done, gate

FIX = "await"
UNSAFE = True
EXPECTED_DONE = 1


class Connection:
    def __init__(self) -> None:
        self.sent = 0

    async def _send(self, text: str) -> None:
        await gate()
        done(text)

    async def reply(self, text: str) -> None:
        asyncio.create_task(self._send(text))
        self.sent += 1


async def drive_start() -> object:
    connection = Connection()
    # the caller runs as a task of its own, kept by the harness while it waits
    return connection, asyncio.ensure_future(connection.reply("pong"))

"""cancel-previous (unsafe): a reconnect replaces the heartbeat; the old one must stop."""

import asyncio

from runkit import done, gate

FIX = "cancel-previous"
UNSAFE = True
EXPECTED_DONE = 1  # the live heartbeat's first beat


class Connection:
    def __init__(self) -> None:
        self._heartbeat: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self._heartbeat = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        while True:
            await gate()
            done("beat")

    async def close(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()


async def connect_twice(connection: Connection) -> None:
    for _ in range(2):
        await connection.connect()


async def drive_start() -> Connection:
    connection = Connection()
    await connect_twice(connection)  # a connect, then a reconnect
    return connection


async def drive_stop(connection: Connection) -> None:
    await connection.close()

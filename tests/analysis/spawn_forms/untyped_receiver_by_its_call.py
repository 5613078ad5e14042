"""A receiver nobody typed is judged by its call, never by its name (issue 68, "Receivers
nobody typed"): `create_task` of a coroutine of the project on it is a spawn, whatever the
attribute is called (`_loop` or `_engine`), its words saying the receiver is untyped; and
`start_soon`, a word only anyio's and trio's task groups have, is structured. The near misses:
`create_task` of what another object gives (no `async def` of the project: no claim, on a
receiver not named like a loop: `vocabulary.LOOP_NAMES` is still a decision on a name), a
`start` on it (every kind of object has one: no claim), and a receiver the class's own
assignment types as a class of its own (a pool's `create_task`)."""

import asyncio


class Pool:
    def create_task(self, coro: object) -> None:
        pass


class Transport:
    def __init__(self, gwy, group) -> None:  # type: ignore[no-untyped-def]
        self._gwy = gwy
        self._group = group
        self._pool = Pool()

    def send(self) -> None:
        self._gwy._loop.create_task(self._send())

    def send_renamed(self) -> None:
        self._gwy._engine.create_task(self._send())

    def in_group(self) -> None:
        self._group.start_soon(self._send)

    async def started_in_group(self) -> None:
        await self._group.start(self._send)

    def of_another_object(self) -> None:
        self._gwy._engine.create_task(self._gwy.other())

    def pooled(self) -> None:
        self._pool.create_task(self._send())

    async def _send(self) -> None:
        await asyncio.sleep(0)

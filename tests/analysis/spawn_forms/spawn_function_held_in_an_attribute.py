"""A class keeps a spawn function in an attribute (`self._spawn = asyncio.create_task`) and
calls it: each call is a spawn, judged as `asyncio.create_task(...)` would be. Near misses: an
attribute that holds another function on some paths, an attribute of an object nobody typed,
and a call whose task is kept and pruned."""

import asyncio


def keep(coro):
    task = asyncio.get_running_loop().create_task(coro)
    TASKS.add(task)
    task.add_done_callback(TASKS.discard)
    return task


TASKS: set[asyncio.Task[None]] = set()


class Relay:
    def __init__(self) -> None:
        self._spawn = asyncio.create_task
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_message(self, message: str) -> None:
        self._spawn(self._forward(message))  # dropped, per message: high

    async def on_join(self, peer: str) -> None:
        task = self._spawn(self._forward(peer))  # kept and pruned: tracked
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _forward(self, message: str) -> None:
        await asyncio.sleep(0)


class Configurable:
    def __init__(self, tracked: bool) -> None:
        self._spawn = asyncio.create_task
        if tracked:
            self._spawn = keep  # near miss: which function it holds is not known

    async def on_message(self, message: str, other: object) -> None:
        self._spawn(self._forward(message))
        other._spawn(self._forward(message))  # near miss: an object nobody typed

    async def _forward(self, message: str) -> None:
        await asyncio.sleep(0)


class Follower(Relay):
    async def on_leave(self, peer: str) -> None:
        self._spawn(self._forward(peer))  # inherited attribute: high

"""A committer loop (faststream-concurrent-aiokafka, dev54): each turn waits for the first of
the waiters its state object holds (`tasks.wake`), then re-arms a waiter that has fired by
storing a new one there. The wait comes before the store in the function: it waits for the
task stored on an earlier turn, not this one, and the state object keeps the new waiter past the
call for the next turn's wait (low: nothing is left by a wait that never saw it; the local
rebound by another branch before a wait is the same: task-never-cleaned/
waiter_on_an_event_its_close_never_sets.py).

Near misses: a waiter stored on a state object before the wait of its own turn, which that wait
leaves running and nothing cancels (TL201); and a waiter re-armed after the wait inside the
loop that waits (`watch()`): the next turn's wait does see it, and is judged as the wait of the
first one, bound before the loop (a timed wait that leaves an event's waiter: low, RUBRIC
convention 7)."""

import asyncio


class LoopTasks:
    def __init__(self, wake: asyncio.Task[bool]) -> None:
        self.wake = wake

    def cancel_outstanding(self) -> None:
        self.wake.cancel()


class Committer:
    def __init__(self) -> None:
        self._event = asyncio.Event()

    async def run(self) -> None:
        tasks = LoopTasks(asyncio.create_task(self._event.wait()))
        try:
            while True:
                await self._turn(tasks)
        finally:
            tasks.cancel_outstanding()

    async def _turn(self, tasks: LoopTasks) -> None:
        targets: list[asyncio.Task[bool]] = [tasks.wake]
        await asyncio.wait(targets, return_when=asyncio.FIRST_COMPLETED, timeout=1)
        if tasks.wake.done():
            self._event.clear()
            tasks.wake = asyncio.create_task(self._event.wait())



class PingTasks:
    def __init__(self, ping: asyncio.Task[bool]) -> None:
        self.ping = ping


class Pinger:
    def __init__(self) -> None:
        self._pong = asyncio.Event()

    async def turn(self, state: PingTasks) -> None:
        state.ping = asyncio.create_task(self._pong.wait())
        targets: list[asyncio.Task[bool]] = [state.ping]
        await asyncio.wait(targets, return_when=asyncio.FIRST_COMPLETED, timeout=1)


class Watcher:
    def __init__(self) -> None:
        self._changed = asyncio.Event()

    async def watch(self, rounds: int) -> None:
        waiter = asyncio.create_task(self._changed.wait())
        for _ in range(rounds):
            await asyncio.wait({waiter}, return_when=asyncio.FIRST_COMPLETED, timeout=1)
            if waiter.done():
                self._changed.clear()
                waiter = asyncio.create_task(self._changed.wait())

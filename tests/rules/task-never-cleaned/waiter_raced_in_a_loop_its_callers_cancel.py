"""A race a method repeats in a loop (acty's replay source, dev56; reader A's F2): each turn
races a sleep against a waiter on the object's own event and cancels the loser after the
wait, on the normal way out only. Whoever cancels the method (its caller's task, at any
close) cancels it at that wait, where each turn waits; the waiter is then left waiting for an
event no close of the object sets (RUBRIC conventions 4 and 7: medium). The sleep beside it
ends by itself (low). Unlike task-never-cleaned's `waiter_on_an_event_its_close_never_sets`,
no task of the class runs the method: its caller's cancel is enough.

The near misses, each low: the same race once, in no loop (`Once`: a caller's cancel lands
there only if it comes during that one wait); a loop whose `finally` cancels what is pending
(`CancelsInItsFinally`); and an object whose close sets the event (`SetOnClose`: the waiter
finishes on the owner's way out).
"""

import asyncio


class Replay:
    def __init__(self) -> None:
        self._resumed = asyncio.Event()

    def resume(self) -> None:
        self._resumed.set()

    async def sleep(self, delay: float) -> None:
        while delay > 0:
            self._resumed.clear()
            sleep = asyncio.create_task(asyncio.sleep(delay))
            woken = asyncio.create_task(self._resumed.wait())
            done, pending = await asyncio.wait({sleep, woken},
                                               return_when=asyncio.FIRST_COMPLETED)
            for t in pending:
                t.cancel()
            delay -= 1


class Once:
    def __init__(self) -> None:
        self._resumed = asyncio.Event()

    def resume(self) -> None:
        self._resumed.set()

    async def sleep(self, delay: float) -> None:
        woken = asyncio.create_task(self._resumed.wait())
        done, pending = await asyncio.wait({woken}, timeout=delay,
                                           return_when=asyncio.FIRST_COMPLETED)
        for t in pending:
            t.cancel()


class CancelsInItsFinally:
    def __init__(self) -> None:
        self._resumed = asyncio.Event()

    def resume(self) -> None:
        self._resumed.set()

    async def sleep(self, delay: float) -> None:
        while delay > 0:
            woken = asyncio.create_task(self._resumed.wait())
            try:
                await asyncio.wait({woken}, timeout=1, return_when=asyncio.FIRST_COMPLETED)
            finally:
                woken.cancel()
            delay -= 1


class SetOnClose:
    def __init__(self) -> None:
        self._resumed = asyncio.Event()

    async def sleep(self, delay: float) -> None:
        while delay > 0:
            woken = asyncio.create_task(self._resumed.wait())
            done, pending = await asyncio.wait({woken}, timeout=1,
                                               return_when=asyncio.FIRST_COMPLETED)
            for t in pending:
                t.cancel()
            delay -= 1

    async def close(self) -> None:
        self._resumed.set()


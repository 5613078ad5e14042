"""A lock and a queue whose awaitables are the calls they return of objects made from classes of
another module: `Lock.acquire()` returns what `BoundedSemaphore.acquire()` (inherited from
`Semaphore`) gives, `Queue.join()` what `Event.wait()` gives: Futures, so no task. The near
miss, `Gate.acquire()`, returns a call of `Runner.start()`, an `async def`: a coroutine."""

from collections.abc import Awaitable

from pkg.locks import BoundedSemaphore, Event, Runner


class Lock:
    def __init__(self) -> None:
        self._block = BoundedSemaphore(value=1)

    def acquire(self) -> Awaitable[None]:
        return self._block.acquire()


class Queue:
    def __init__(self) -> None:
        self._finished = Event()

    def join(self) -> Awaitable[None]:
        return self._finished.wait()


class Gate:
    def __init__(self) -> None:
        self._runner = Runner()

    def acquire(self) -> Awaitable[None]:
        return self._runner.start()

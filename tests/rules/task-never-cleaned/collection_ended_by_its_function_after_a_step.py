"""A session puts its keepalive loop into the tasks it keeps, logs in, and cancels what it keeps
only after the login: a failed or cancelled login leaves `run()` before the cancel, and the
keepalive, which runs until cancelled, runs for good (medium; the same rule as for an attribute
or a local the function itself ends). A local list the same. Near misses: the login inside the
`try` whose `finally` cancels them (ended on every way out); a coroutine that finishes by
itself (only late: low); a collection that another method (`close()`) also ends (the owner's
end: low)."""

import asyncio


async def login() -> None:
    await asyncio.sleep(0)


class Session:
    def __init__(self) -> None:
        self._tasks: list[asyncio.Task[None]] = []

    async def _keepalive(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def run(self) -> None:
        self._tasks.append(asyncio.create_task(self._keepalive()))
        await login()
        try:
            await asyncio.sleep(100)
        finally:
            for task in self._tasks:
                task.cancel()


class CoveredSession:
    def __init__(self) -> None:
        self._tasks: list[asyncio.Task[None]] = []

    async def _keepalive(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def run(self) -> None:
        self._tasks.append(asyncio.create_task(self._keepalive()))
        try:
            await login()
            await asyncio.sleep(100)
        finally:
            for task in self._tasks:
                task.cancel()


class ClosedSession:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    async def _keepalive(self) -> None:
        while True:
            await asyncio.sleep(5)

    async def run(self) -> None:
        self._tasks.add(asyncio.create_task(self._keepalive()))
        await login()
        for task in self._tasks:
            task.cancel()

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()


async def poll_forever() -> None:
    while True:
        await asyncio.sleep(1)


async def fetch_once() -> None:
    await asyncio.sleep(1)


async def with_a_local_list() -> None:
    tasks = []
    tasks.append(asyncio.create_task(poll_forever()))
    await login()
    for task in tasks:
        task.cancel()


async def with_a_local_list_of_what_finishes() -> None:
    tasks = [asyncio.create_task(fetch_once())]
    await login()
    for task in tasks:
        task.cancel()

"""A daemon's sweeper that runs until cancelled, kept in a collection of a server object the
daemon function makes (`server._background_tasks`), let go of by a `discard` done-callback
once done (which it never is), and cancelled and gathered by the server's `stop()`, which the
daemon's `finally` calls: ended on every way out (TL001). The same row whatever module the
sweeper's coroutine lives in: the done-callback alone ends nothing, so the server's other ends
of that collection are asked for too. Near miss: a server whose `stop()` ends none of its
collection's tasks (TL201 medium: let go of once done, which it never is)."""

import asyncio


async def sweep() -> None:
    while True:
        await asyncio.sleep(30)


class Server:
    def __init__(self) -> None:
        self._background_tasks: set[asyncio.Task[None]] = set()

    async def stop(self) -> None:
        snapshot = set(self._background_tasks)
        for task in snapshot:
            task.cancel()
        if snapshot:
            await asyncio.gather(*snapshot, return_exceptions=True)


class LeakyServer:
    def __init__(self) -> None:
        self._background_tasks: set[asyncio.Task[None]] = set()

    async def stop(self) -> None:
        await asyncio.sleep(0)


async def run_daemon(shutdown: asyncio.Event) -> None:
    server = Server()
    try:
        sweeper = asyncio.create_task(sweep())
        server._background_tasks.add(sweeper)
        sweeper.add_done_callback(server._background_tasks.discard)
        await shutdown.wait()
    finally:
        await server.stop()


async def run_leaky_daemon(shutdown: asyncio.Event) -> None:
    server = LeakyServer()
    try:
        sweeper = asyncio.create_task(sweep())
        server._background_tasks.add(sweeper)
        sweeper.add_done_callback(server._background_tasks.discard)
        await shutdown.wait()
    finally:
        await server.stop()

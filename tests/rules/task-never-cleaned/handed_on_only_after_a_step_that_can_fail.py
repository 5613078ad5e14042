"""A tunnel server starts the pump for a client (a loop that runs until cancelled) and hands it
to the registry that ends its tasks on close() only once the client is authenticated. A bad
token raises in `_authenticate()`: `on_client()` leaves with the pump kept by nothing, and it
runs for good. The greeter finishes by itself (only late on that way out: low), and the near
miss, `on_admin()`, hands its pump over before the step that can fail."""

import asyncio


class AuthError(Exception):
    pass


class TaskRegistry:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def adopt(self, task: asyncio.Task[None]) -> None:
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


class TunnelServer:
    def __init__(self, token: bytes) -> None:
        self._token = token
        self._registry = TaskRegistry()

    async def _authenticate(self, reader: asyncio.StreamReader) -> None:
        if (await reader.readline()).strip() != self._token:
            raise AuthError("bad token")

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            writer.write(await reader.read(4096))
            await writer.drain()

    async def _banner(self, writer: asyncio.StreamWriter) -> None:
        writer.write(b"tunnel v2\n")
        await writer.drain()

    async def on_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        greeter = asyncio.create_task(self._banner(writer))
        pump = asyncio.create_task(self._pump(reader, writer))
        await self._authenticate(reader)
        self._registry.adopt(greeter)
        self._registry.adopt(pump)

    async def on_admin(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        console = asyncio.create_task(self._pump(reader, writer))
        self._registry.adopt(console)
        await self._authenticate(reader)

    async def close(self) -> None:
        await self._registry.close()

"""Tasks that run a method of another object (`self._server.serve()`, or a coroutine awaiting
`self._server.main_loop()`), which the owner's close-like method tells to finish: it sets an
attribute of that object (`should_exit = True`) or calls a close-like method of it. A shutdown
path, so kept and ended. The near misses tell another object, or tell it outside any close."""

import asyncio


class Server:
    should_exit = False

    async def serve(self) -> None:
        while not self.should_exit:
            await asyncio.sleep(0.01)

    async def main_loop(self) -> None:
        await self.serve()

    async def close(self) -> None:
        self.should_exit = True


class Runner:
    def __init__(self) -> None:
        self._server = Server()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._server.serve())

    def stop(self) -> None:
        self._server.should_exit = True


class Wrapped:
    def __init__(self) -> None:
        self._server = Server()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        async def serve() -> None:
            await self._server.main_loop()

        self._task = asyncio.create_task(serve())

    async def aclose(self) -> None:
        await self._server.close()


class Unrelated:
    def __init__(self) -> None:
        self._server = Server()
        self._other = Server()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._server.serve())

    def stop(self) -> None:
        self._other.should_exit = True


class NotOnClose:
    def __init__(self) -> None:
        self._server = Server()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._server.serve())

    def pause(self) -> None:
        self._server.should_exit = True

"""A server that asks its own object for the loop (websockets' `self.get_loop()`)."""

import asyncio


class Server:
    def __init__(self, server: asyncio.Server) -> None:
        self.server = server
        self.flush_task: asyncio.Task[None] | None = None

    def get_loop(self) -> asyncio.AbstractEventLoop:
        return self.server.get_loop()

    def announce(self, text: str) -> None:
        # dropped: nothing keeps the announcement
        self.get_loop().create_task(self._broadcast(text))

    def ping(self) -> None:
        self.server.get_loop().create_task(self._broadcast("ping"))

    def schedule_flush(self) -> None:
        # a method that returns something else: `create_task` here is a to-do API call
        self.get_client().create_task("flush the queue")

    def get_client(self) -> "TodoClient":
        return TodoClient()

    async def _broadcast(self, text: str) -> None:
        await asyncio.sleep(0)


class TodoClient:
    def create_task(self, title: str) -> None:
        print(title)

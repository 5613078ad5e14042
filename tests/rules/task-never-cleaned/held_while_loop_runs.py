"""Entry points that keep running while their task runs: the closure cell holds the task for the
whole run, nothing reads it (the locals never read are task-unreferenced, as RUF006 says)."""

import asyncio


class Core:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()

    def start(self) -> None:
        _future = asyncio.run_coroutine_threadsafe(self.async_start(), self.loop)
        self.loop.run_forever()

    def serve(self) -> None:
        server = None

        async def open_server() -> None:
            nonlocal server
            server = asyncio.ensure_future(self.accept_forever())

        self.loop.run_until_complete(open_server())
        self.loop.run_forever()

    async def async_start(self) -> None:
        await asyncio.sleep(0)

    async def accept_forever(self) -> None:
        while True:
            await asyncio.sleep(1)


async def main() -> None:
    heartbeat = asyncio.create_task(beat())
    while True:
        await asyncio.sleep(3600)


async def beat() -> None:
    await asyncio.sleep(30)

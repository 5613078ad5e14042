"""python-engineio 4.15.1's tornado handler, reduced: `open()` spawns the handling of the
connection, which waits for a message on a queue that only `on_message()` fills, and the
framework calls `on_message()` only once `open()` has returned. Awaited (the unsafe await fix),
`open()` would wait for a message that never comes."""

import asyncio

UNSAFE = True


class Handler:
    def __init__(self) -> None:
        self.queue: "asyncio.Queue[str]" = asyncio.Queue()
        self.received: "list[str]" = []

    async def open(self) -> None:
        asyncio.ensure_future(self.handle())

    async def handle(self) -> None:
        self.received.append(await self.queue.get())

    async def on_message(self, message: str) -> None:
        await self.queue.put(message)


async def main() -> None:
    handler = Handler()
    # the framework: open() first, a message only once it has returned
    opening = asyncio.ensure_future(handler.open())
    for _ in range(5):  # bounded by loop turns: an open() that waits shows as output
        await asyncio.sleep(0)
    if opening.done():
        await handler.on_message("hello")
    for _ in range(5):
        await asyncio.sleep(0)
    print("opened" if opening.done() else "open() still waiting", handler.received)
    opening.cancel()


asyncio.run(main())

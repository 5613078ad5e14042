"""A run() that adds one task to a list attribute, its coroutine's loop stopped through the
event that the owner's `shutdown()` sets: the list holds a fixed few tasks, each ended on the
owner's way out, as the same task in an attribute is (TL001; bivalve's client agent). The near
miss: the same spawn in a handler that a loop calls once per message adds a task per message
that lives until shutdown, and nothing takes the finished ones out: the list only grows
(TL202), whichever module the loop is in."""

import asyncio


class Agent:
    def __init__(self) -> None:
        self._shutdown_event = asyncio.Event()
        self.tasks: list[asyncio.Task[None]] = []

    def shutdown(self) -> None:
        self._shutdown_event.set()

    async def run(self) -> None:
        self.tasks.append(asyncio.create_task(self.repl_task()))
        await self._shutdown_event.wait()

    async def on_message(self, message: str) -> None:
        self.tasks.append(asyncio.create_task(self.repl_task()))

    async def repl_task(self) -> None:
        while not self._shutdown_event.is_set():
            await asyncio.sleep(1)


async def serve(agent: Agent, queue: "asyncio.Queue[str]") -> None:
    while True:
        await agent.on_message(await queue.get())

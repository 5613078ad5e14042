"""A bot defers its reply: the loop calls the spawn function back later, and drops its Task.
The row is on the line the handing call starts on, at the spawn function when it is on that
line (`call_soon_threadsafe(asyncio.ensure_future, ...)`), at the call when the arguments
start on the next line (`evict_later()`)."""

import asyncio


async def defer(interaction: str) -> None:
    await asyncio.sleep(0.1)


class AutoDefer:
    def __init__(self, delay: float) -> None:
        self.delay = delay

    async def __call__(self, interaction: str) -> None:
        loop = asyncio.get_running_loop()
        loop.call_later(self.delay, loop.create_task, defer(interaction))


def from_a_thread(loop: asyncio.AbstractEventLoop, interaction: str) -> None:
    loop.call_soon_threadsafe(asyncio.ensure_future, defer(interaction))


def on_done(task: asyncio.Task[None]) -> None:
    task.add_done_callback(lambda t: asyncio.create_task(defer("again")))


def evict_later(loop: asyncio.AbstractEventLoop, store: dict[str, int]) -> None:
    if len(store) > 100:
        loop.call_soon(
            asyncio.ensure_future,
            defer(next(iter(store))),
        )

"""Timers that run until cancelled, ended only in an `except CancelledError` handler of the loop
that follows their spawn: the handler runs when the loop is cancelled, but an error raised in
the loop (a message its handler cannot take) leaves through no handler, and the timers run for
good (RUBRIC convention 4: medium), whether a collection attribute or a local list holds them.
Near misses: a handler that catches every error as well (`BaseException`, `(Exception,
CancelledError)`), an end in the `finally`, a loop whose errors are caught inside it (only a
cancel leaves it, and the handler ends the timers then), and a timer that ends by itself (only
late: low)."""

import asyncio


async def tick() -> None:
    while True:
        await asyncio.sleep(1)


async def tick_once() -> None:
    await asyncio.sleep(1)


async def handle(message: str) -> None:
    if not message:
        raise ValueError("empty message")


class Actor:
    def __init__(self) -> None:
        self._inbox: asyncio.Queue[str] = asyncio.Queue()
        self._timers: list[asyncio.Task[None]] = []

    async def run(self) -> None:
        self._timers = [asyncio.create_task(tick())]
        try:
            while True:
                await handle(await self._inbox.get())
        except asyncio.CancelledError:
            for timer in self._timers:
                timer.cancel()
            raise


async def run_local(inbox: asyncio.Queue[str]) -> None:
    timers = [asyncio.create_task(tick())]
    try:
        while True:
            await handle(await inbox.get())
    except asyncio.CancelledError:
        for timer in timers:
            timer.cancel()
        raise


async def run_catching_everything(inbox: asyncio.Queue[str]) -> None:
    timers = [asyncio.create_task(tick())]
    try:
        while True:
            await handle(await inbox.get())
    except BaseException:
        for timer in timers:
            timer.cancel()
        raise


async def run_catching_both(inbox: asyncio.Queue[str]) -> None:
    timers = [asyncio.create_task(tick())]
    try:
        while True:
            await handle(await inbox.get())
    except (Exception, asyncio.CancelledError):
        for timer in timers:
            timer.cancel()
        raise


async def run_with_finally(inbox: asyncio.Queue[str]) -> None:
    timers = [asyncio.create_task(tick())]
    try:
        while True:
            await handle(await inbox.get())
    finally:
        for timer in timers:
            timer.cancel()


async def run_forgiving(inbox: asyncio.Queue[str]) -> None:
    timers = [asyncio.create_task(tick())]
    try:
        while True:
            try:
                await handle(await inbox.get())
            except Exception:
                continue
    except asyncio.CancelledError:
        for timer in timers:
            timer.cancel()
        raise


async def run_once_timed(inbox: asyncio.Queue[str]) -> None:
    timers = [asyncio.create_task(tick_once())]
    try:
        while True:
            await handle(await inbox.get())
    except asyncio.CancelledError:
        for timer in timers:
            timer.cancel()
        raise

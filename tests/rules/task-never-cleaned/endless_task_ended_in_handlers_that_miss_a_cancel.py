"""A heartbeat that runs until cancelled, ended after the work it accompanies and in the `except`
handlers of that work's `try`: `except Exception` (or any class but `CancelledError` and its
base `BaseException`) catches no cancellation, so a cancel arriving at the work's `await` leaves
through none of them and the heartbeat runs for good (RUBRIC convention 4: medium). The near
misses: a handler that catches the cancel and every error (bare, `BaseException`, both in a
tuple; one that catches the cancel alone is `..._miss_an_error.py`'s), an end in the
`finally`, a task that ends by itself (only late: low), and a handler type held by a local or a
parameter (it may be the cancel's own class: no claim)."""

import asyncio
from asyncio import CancelledError


class WorkError(Exception):
    pass



async def heartbeat() -> None:
    while True:
        await asyncio.sleep(5)


async def ping_once() -> None:
    await asyncio.sleep(5)


async def work() -> None:
    await asyncio.sleep(1)


async def handle() -> None:
    beat = asyncio.create_task(heartbeat())
    try:
        await asyncio.wait_for(work(), timeout=10)
    except TimeoutError:
        beat.cancel()
        raise
    except Exception:
        beat.cancel()
        raise
    beat.cancel()


async def handle_own_error() -> None:
    beat = asyncio.create_task(heartbeat())
    try:
        await work()
    except WorkError:
        beat.cancel()
        return
    else:
        beat.cancel()


async def handle_everything() -> None:
    beat = asyncio.create_task(heartbeat())
    try:
        await work()
    except BaseException:
        beat.cancel()
        raise
    beat.cancel()


async def handle_the_cancel() -> None:
    beat = asyncio.create_task(heartbeat())
    try:
        await work()
    except (Exception, CancelledError):
        beat.cancel()
        raise
    beat.cancel()


async def handle_in_finally() -> None:
    beat = asyncio.create_task(heartbeat())
    try:
        await work()
    except Exception:
        pass
    finally:
        beat.cancel()


async def handle_a_ping() -> None:
    ping = asyncio.create_task(ping_once())
    try:
        await work()
    except Exception:
        ping.cancel()
        raise
    await ping


async def handle_what_it_is_given(kinds: tuple[type[BaseException], ...]) -> None:
    beat = asyncio.create_task(heartbeat())
    try:
        await work()
    except kinds:
        beat.cancel()
        raise
    beat.cancel()


async def handle_a_local_tuple() -> None:
    kinds = (ValueError, asyncio.CancelledError)
    beat = asyncio.create_task(heartbeat())
    try:
        await work()
    except kinds:
        beat.cancel()
        raise
    beat.cancel()


class Job:
    def __init__(self) -> None:
        self._beat: asyncio.Task[None] | None = None

    async def run(self) -> None:
        self._beat = asyncio.create_task(heartbeat())
        try:
            await work()
        except Exception:
            self._beat.cancel()
            raise
        self._beat.cancel()

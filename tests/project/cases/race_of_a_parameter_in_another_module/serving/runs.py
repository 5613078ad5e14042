"""The callers, in another module: one does nothing after the race (left running), one hands the
task after it to a library's function (not followed: no claim), and one hands its task to a race
that cancels it after the wait (ended)."""

import asyncio

from drain import cancel_and_drain

from serving.racing import serve, serve_for


async def run(event: asyncio.Event, job: asyncio.Task[None]) -> None:
    ready = asyncio.create_task(event.wait())
    await serve(ready, job)


async def run_drained(event: asyncio.Event, job: asyncio.Task[None]) -> None:
    ready = asyncio.create_task(event.wait())
    await serve(ready, job)
    await cancel_and_drain(ready)


async def run_for(event: asyncio.Event) -> None:
    work = asyncio.create_task(event.wait())
    await serve_for(work, 1.0)

"""A daemon races its services, kept in a local list, against a stop signal and ends the losers
only after the wait, on the normal way out (RUBRIC convention 4): cancelled while it waits, it
leaves them running. The scheduler's loop tests a flag that only that way out sets, so it runs
until cancelled (medium); the near miss, a one-off check, finishes by itself (low, the words
saying which way out skips its end). Under every invariance transform the same: the services
moved to another module are read there (`QuestionKind.COROUTINE_BODY`)."""

import asyncio


class Scheduler:
    def __init__(self) -> None:
        self._stopping = False

    async def run(self) -> None:
        while not self._stopping:
            await asyncio.sleep(1)

    def stop(self) -> None:
        self._stopping = True


async def check_once() -> None:
    await asyncio.sleep(1)


async def run_daemon(stop: asyncio.Event) -> None:
    scheduler = Scheduler()
    tasks = [
        asyncio.create_task(scheduler.run()),
        asyncio.create_task(stop.wait()),
    ]
    await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    scheduler.stop()
    for task in tasks:
        task.cancel()


async def check(stop: asyncio.Event) -> None:
    tasks = [
        asyncio.create_task(check_once()),
        asyncio.create_task(stop.wait()),
    ]
    await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in tasks:
        task.cancel()

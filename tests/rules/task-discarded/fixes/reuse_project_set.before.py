import asyncio

_pending: set[asyncio.Task[None]] = set()


async def work() -> None:
    await asyncio.sleep(0)


def spawn_tracked() -> None:
    task = asyncio.create_task(work())
    _pending.add(task)
    task.add_done_callback(_pending.discard)


async def on_message() -> None:
    asyncio.create_task(work())


class Client:
    def __init__(self) -> None:
        self.name = "client"
        self._jobs: set[asyncio.Task[None]] = set()

    def tracked(self) -> None:
        job = asyncio.create_task(work())
        self._jobs.add(job)
        job.add_done_callback(self._jobs.discard)

    async def refresh(self) -> None:
        asyncio.create_task(work())

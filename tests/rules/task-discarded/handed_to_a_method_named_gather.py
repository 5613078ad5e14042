"""A method of the class named `gather` is no wait: what it does with the task decides."""
import asyncio


async def work() -> None:
    await asyncio.sleep(1)


class Batch:
    def __init__(self) -> None:
        self.names: list[str] = []

    def gather(self, task: asyncio.Task[None]) -> None:
        # reads the task's name and lets it go: nothing keeps or ends it
        self.names.append(task.get_name())

    async def run(self) -> None:
        task = asyncio.create_task(work())
        self.gather(task)


class Waited:
    async def run(self) -> None:
        task = asyncio.create_task(work())
        await asyncio.gather(task)

"""A progress watcher that loops `while not all(t.done() for t in tasks)` waits for those tasks
to end, and ends with them: it is no stop flag, so a way out that skips awaiting it leaves a
task that finishes by itself (low, said so). A loop on anything else of the elements (a flag of
each worker) is read as a stop flag, as `while not stop.is_set()` is: it runs until cancelled
(medium)."""

import asyncio


async def crawl(page: str) -> str:
    await asyncio.sleep(0)
    return page


class Crawler:
    def __init__(self, pages: list[str]) -> None:
        self.pages = pages
        self.done = 0

    async def run(self) -> list[object]:
        tasks = [asyncio.create_task(crawl(p)) for p in self.pages]

        async def monitor() -> None:
            while not all(task.done() for task in tasks):
                self.done = sum(task.done() for task in tasks)
                await asyncio.sleep(0.2)

        monitor_task = asyncio.create_task(monitor())
        results = await asyncio.gather(*tasks, return_exceptions=True)
        await monitor_task
        return results

    async def run_until_ready(self, workers: list["Worker"]) -> None:
        # near miss: `w.ready` is a flag of each worker, not its task's end
        async def watch() -> None:
            while not all(w.ready for w in workers):
                await asyncio.sleep(0.2)

        watcher = asyncio.create_task(watch())
        await asyncio.gather(*(w.start() for w in workers))
        await watcher


class Worker:
    ready = False

    async def start(self) -> None:
        self.ready = True

"""A collection attribute handed to functions: a call that cannot be followed (another
library's, or a project function whose body shows nothing of its parameter, or annotates it
with a class of its own named Task) makes no claim; a project function that cancels what it
receives ends the tasks; one whose parameter is annotated or read as asyncio tasks and that
only reads them or adds a done-callback, or a builtin, ends nothing."""

import asyncio

from extlib import cancel_tasks
from proxy.tools import cancel_all, count, report, summarize, watch


class Client:
    async def start(self) -> None:
        self.tasks = [asyncio.create_task(self.pipe())]
        self.watched = [asyncio.create_task(self.pipe())]
        self.ended = [asyncio.create_task(self.pipe())]
        self.sized = [asyncio.create_task(self.pipe())]
        self.logged = [asyncio.create_task(self.pipe())]
        self.reported = [asyncio.create_task(self.pipe())]
        self.summed = [asyncio.create_task(self.pipe())]

    async def pipe(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        await cancel_tasks(self.tasks)
        count(self.watched)
        cancel_all(self.ended)
        print(len(self.sized))
        watch(self.logged)
        report(self.reported)
        summarize(self.summed)

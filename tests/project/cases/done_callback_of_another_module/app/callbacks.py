"""Done-callbacks the listeners import: `log_errors()` reads the outcome of the task it is given
(its errors are seen); `count_done()` only counts it."""

import asyncio
import logging

done = 0


def log_errors(task: "asyncio.Task[None]") -> None:
    if not task.cancelled() and task.exception() is not None:
        logging.error("pinger failed", exc_info=task.exception())


def count_done(task: "asyncio.Task[None]") -> None:
    global done
    done += 1


class Monitor:
    def on_done(self, task: "asyncio.Task[None]") -> None:
        task.result()

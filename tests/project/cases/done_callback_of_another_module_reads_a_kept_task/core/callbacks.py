"""Done-callbacks: `log_failure` reads the outcome of the task it is given; `log_done` does
not."""

import asyncio
import logging


def log_failure(task: "asyncio.Task[None]") -> None:
    if not task.cancelled() and task.exception() is not None:
        logging.error("start failed", exc_info=task.exception())


def log_done(task: "asyncio.Task[None]") -> None:
    logging.info("done")

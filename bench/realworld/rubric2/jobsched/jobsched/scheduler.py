import asyncio
import logging

from .jobs import Job

log = logging.getLogger(__name__)


class Scheduler:
    """Starts jobs; the caller decides what to do with the returned task."""

    def schedule(self, job: Job) -> asyncio.Task:
        log.info("starting %s", job.name)
        return asyncio.create_task(job.run(), name=job.name)

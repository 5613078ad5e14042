"""The package's own `create_task` and `gather`, named like asyncio's: `create_task` records a
job to run later and `gather` collects results; neither spawns anything."""

from typing import Any


class Job:
    def __init__(self, name: str) -> None:
        self.name = name


def create_task(name: str) -> Job:
    return Job(name)


def gather(*jobs: Job) -> list[str]:
    return [job.name for job in jobs]


ensure_future: Any = None

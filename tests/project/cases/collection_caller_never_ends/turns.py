"""Start a job; the caller owns the list of jobs."""

from __future__ import annotations

import asyncio


async def run_job(name: str) -> None:
    await asyncio.sleep(0)


def start_job(name: str, jobs: list[asyncio.Task[None]]) -> None:
    jobs.append(asyncio.create_task(run_job(name)))

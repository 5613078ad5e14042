import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict

log = logging.getLogger(__name__)


@dataclass
class Job:
    job_id: str
    func: Callable[..., Awaitable[Any]]
    kwargs: Dict[str, Any] = field(default_factory=dict)
    retries: int = 0


async def run_tracked(job: Job, running: Dict[str, asyncio.Task]) -> Any:
    """Run a job; drop its entry from `running` when it has finished."""
    result = await job.func(**job.kwargs)
    log.info("job %s done", job.job_id)
    running.pop(job.job_id, None)
    return result


async def run_guarded(job: Job, running: Dict[str, asyncio.Task]) -> Any:
    """Run a job; its entry leaves `running` however it ends."""
    try:
        return await job.func(**job.kwargs)
    finally:
        running.pop(job.job_id, None)

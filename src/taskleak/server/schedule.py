"""When checks run: one analysis worker thread, and a debounce per document.

The worker is a single thread: the event loop stays free to read the client's messages (a
cancellation, the next change) while a buffer is parsed, and the analysis never runs on two
threads at once (see `engine`). A document's pending check is replaced by the next change's
(`Debouncer.schedule`); a check already running finishes, and its result is dropped when the
document has moved on. Every task is kept until it is done: this server does not leak them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class Worker:
    """The analysis thread."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="taskleak-analysis")

    async def run(self, job: Callable[[], T]) -> T:
        """Run `job` on the worker; cancelling the await drops a job that has not started."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, job)

    def submit(self, job: Callable[[], object]) -> None:
        """Queue `job` behind the work already queued (its result is not wanted)."""
        self._pool.submit(job)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class Debouncer:
    """At most one pending check per document, run `delay` seconds after its last request."""

    def __init__(self, run: Callable[[str], Awaitable[None]]) -> None:
        self._run = run
        self._pending: dict[str, asyncio.Task[None]] = {}

    def schedule(self, uri: str, delay: float) -> None:
        self.cancel(uri)
        task = asyncio.get_running_loop().create_task(self._later(uri, delay))
        self._pending[uri] = task
        task.add_done_callback(lambda done: self._forget(uri, done))

    def cancel(self, uri: str) -> None:
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()

    def cancel_all(self) -> None:
        for uri in list(self._pending):
            self.cancel(uri)

    def pending(self, uri: str) -> bool:
        return uri in self._pending

    async def _later(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        await self._run(uri)

    def _forget(self, uri: str, task: asyncio.Task[None]) -> None:
        if self._pending.get(uri) is task:
            del self._pending[uri]

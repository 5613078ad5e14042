"""`track()`: which tasks did this block start and leave behind?

    async with track(max_leaked=0, grace=0.5):
        await client_session()  # connect, talk, disconnect

On entry the tracker notes the loop's pending tasks and starts recording creation sites.
On exit it lets the loop turn (and, with `grace`, waits up to that long for the block's tasks
to finish), collects garbage if a task of the block is still pending, and diffs: each task
still pending that the block started is a
leak, reported with its name, coroutine, creation site and the line it waits on. Tasks that were
garbage-collected while pending during the block are reported too. The report comes first;
`cancel=True` then cancels the leaked tasks.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import re
import warnings
import weakref
from collections.abc import Iterable
from types import TracebackType
from typing import Any

from taskleak.runtime.factory import (
    add_destroyed_listener,
    install,
    remove_destroyed_listener,
    tasks_created,
)
from taskleak.runtime.leaks import (
    DEFAULT_IGNORE,
    DESTROYED,
    IgnoreRule,
    LeakedTask,
    describe_task,
    format_leaks,
    is_ignored,
)
from taskleak.runtime.sites import Site

ACTIONS = ("raise", "warn", "log")
_SETTLE_TURNS = 5  # loop turns before the diff: lets cancellations and close() callbacks land
_CANCEL_WAIT = 1.0  # seconds to wait for cancelled tasks to finish

logger = logging.getLogger("taskleak.runtime")


class TaskLeakError(AssertionError):
    """Raised by `track(action="raise")` when more tasks leaked than allowed."""

    def __init__(self, message: str, leaks: list[LeakedTask]) -> None:
        super().__init__(message)
        self.leaks = leaks


class TaskLeakWarning(RuntimeWarning):
    """Issued by `track(action="warn")` when more tasks leaked than allowed."""


class Tracker:
    """Track the tasks a block leaves behind; use with `async with` or `with` (`track(...)` is
    this class: one signature). `leaks` holds the result after the block.

    max_leaked: how many leaked tasks are tolerated before `action` (default 0).
    grace: seconds to wait at exit for the block's tasks to finish (only while they run).
    ignore: globs on task name / coroutine qualname / module, or predicates on a LeakedTask.
    action: "raise" (TaskLeakError), "warn" (TaskLeakWarning) or "log" (logger
        "taskleak.runtime"). If the block itself raised, leaks are only logged.
    cancel: cancel the leaked tasks after reporting them.
    report: a JSON runtime report file to add this block's leaks to.
    loop: the loop to watch; needed for `with` outside a running loop (it is then run to
        settle the block's tasks).
    collect_garbage: when a task of the block is still pending, collect garbage first, so that
        a pending task nobody references is reported as destroyed; False: never collect.
    """

    def __init__(
        self,
        *,
        max_leaked: int = 0,
        grace: float = 0.0,
        ignore: Iterable[IgnoreRule] = (),
        action: str = "raise",
        cancel: bool = False,
        report: str | os.PathLike[str] | None = None,
        loop: asyncio.AbstractEventLoop | None = None,
        collect_garbage: bool = True,
    ) -> None:
        if isinstance(max_leaked, bool) or not isinstance(max_leaked, int) or max_leaked < 0:
            raise ValueError(f"max_leaked must be an integer >= 0, got {max_leaked!r}")
        if not isinstance(grace, (int, float)) or grace < 0:
            raise ValueError(f"grace must be a number of seconds >= 0, got {grace!r}")
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ACTIONS)}, got {action!r}")
        self.max_leaked = max_leaked
        self.grace = float(grace)
        self.ignore: tuple[IgnoreRule, ...] = (*DEFAULT_IGNORE, *ignore)
        self.action = action
        self.cancel = cancel
        self.report = report
        self.collect_garbage = collect_garbage
        self.leaks: list[LeakedTask] = []
        self._loop_arg = loop
        self._loop: asyncio.AbstractEventLoop | None = None
        self._before: weakref.WeakSet[asyncio.Task[Any]] = weakref.WeakSet()
        self._destroyed: list[LeakedTask] = []
        self._leaked_tasks: list[asyncio.Task[Any]] = []
        self._created_before = 0

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("the tracker has not been entered")
        return self._loop

    # -- the block ---------------------------------------------------------------------------

    def begin(self, loop: asyncio.AbstractEventLoop) -> None:
        """Start tracking on `loop` (what entering the block does)."""
        if self._loop is not None:
            raise RuntimeError("a tracker can be entered only once")
        self._loop = loop
        install(loop)
        self._created_before = tasks_created(loop)
        self._before = weakref.WeakSet(asyncio.all_tasks(loop))
        add_destroyed_listener(self._on_destroyed)

    async def settle(self) -> None:
        """Let the loop turn, then wait up to `grace` seconds for the block's tasks to end."""
        for _ in range(_SETTLE_TURNS):
            await asyncio.sleep(0)
        if self.grace > 0:
            waiting = [
                t for t in self._new_tasks() if not is_ignored(describe_task(t), self.ignore)
            ]
            if waiting:
                await asyncio.wait(waiting, timeout=self.grace)

    def settle_idle(self) -> None:
        """`settle()` on a loop that is not running (between tests, before a runner closes it);
        nothing on a running or closed loop, nor on one with nothing left to run: no task of the
        block pending, no callback or timer queued (a test that cleaned up costs no loop turn)."""
        loop = self.loop
        if loop.is_running() or loop.is_closed():
            return
        if _queued(loop) or self._candidates():
            loop.run_until_complete(self.settle())

    def ran(self) -> bool:
        """Whether the loop made a task since the block began, so ran something (a test on
        another library's loop, such as trio's, leaves an open asyncio loop untouched)."""
        return tasks_created(self.loop) > self._created_before

    def exclude(self, tasks: Iterable[asyncio.Task[Any]]) -> None:
        """Never count these tasks (a wider-scoped fixture's, made during the block)."""
        for task in tasks:
            self._before.add(task)

    def leaked(self) -> list[LeakedTask]:
        """The block's leaks right now: its pending tasks, and tasks destroyed while pending.

        Garbage is collected only when some task is still pending (a candidate leak): a pending
        task nobody references is then reported as destroyed, the others as pending. A block
        with no task left costs no collection.
        """
        found: list[LeakedTask] = []
        self._leaked_tasks = []
        tasks = self._new_tasks()
        if tasks and self.collect_garbage and self._unignored(tasks):
            del tasks  # no reference into the collection: a task only it held is destroyed
            gc.collect()
            tasks = self._new_tasks()
        for task in tasks:
            leak = describe_task(task)
            if not is_ignored(leak, self.ignore):
                found.append(leak)
                self._leaked_tasks.append(task)
        found.extend(d for d in self._destroyed if not is_ignored(d, self.ignore))
        found.sort(key=_leak_order)
        return found

    def finish(self) -> list[LeakedTask]:
        """Stop tracking and return the leaks (kept in `leaks`); no report, no action."""
        try:
            self.leaks = self.leaked()
        finally:
            remove_destroyed_listener(self._on_destroyed)
        if not self.cancel:  # keep no strong reference to the leaked tasks past this point
            self._leaked_tasks = []
        return self.leaks

    def conclude(self, body_failed: bool = False) -> TaskLeakError | None:
        """Finish, report (file, warning or log) and return the error to raise, if any."""
        self.finish()
        if self.report is not None and self.leaks:
            from taskleak.runtime.report import write_runtime_report

            write_runtime_report(self.report, self.leaks, merge=True)
        if len(self.leaks) <= self.max_leaked:
            return None
        message = format_leaks(self.leaks, self.max_leaked)
        if body_failed or self.action == "log":  # never hide the block's own exception
            logger.warning("%s", message)
        elif self.action == "warn":
            warnings.warn(TaskLeakWarning(message), stacklevel=4)
        else:
            return TaskLeakError(message, self.leaks)
        return None

    def _candidates(self) -> bool:
        """Whether any task of the block is pending and not ignored (no reference is kept)."""
        return self._unignored(self._new_tasks())

    def _unignored(self, tasks: list[asyncio.Task[Any]]) -> bool:
        return any(not is_ignored(describe_task(task), self.ignore) for task in tasks)

    def _new_tasks(self) -> list[asyncio.Task[Any]]:
        loop = self.loop
        current = asyncio.current_task(loop) if loop.is_running() else None
        return [t for t in asyncio.all_tasks(loop) if t is not current and t not in self._before]

    def _on_destroyed(self, task: asyncio.Task[Any], site: Site | None) -> None:
        if task.get_loop() is not self._loop:
            return
        self._destroyed.append(describe_task(task, DESTROYED))

    def _take_leaked_tasks(self) -> list[asyncio.Task[Any]]:
        tasks, self._leaked_tasks = self._leaked_tasks, []
        return [t for t in tasks if not t.done()] if self.cancel else []

    # -- async with --------------------------------------------------------------------------

    async def __aenter__(self) -> Tracker:
        self.begin(self._loop_arg or asyncio.get_running_loop())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None or issubclass(exc_type, Exception):
            await self.settle()  # not on cancellation: the block must end now
        error = self.conclude(body_failed=exc_type is not None)
        to_cancel = self._take_leaked_tasks()
        for task in to_cancel:
            task.cancel()
        if to_cancel:
            await asyncio.wait(to_cancel, timeout=_CANCEL_WAIT)
        if error is not None:
            raise error

    # -- with ----------------------------------------------------------------------------------

    def __enter__(self) -> Tracker:
        loop = self._loop_arg
        if loop is None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                raise RuntimeError(
                    "track() outside a running event loop needs the loop: track(loop=loop)"
                ) from None
        self.begin(loop)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        loop = self.loop
        idle = not loop.is_running() and not loop.is_closed()
        if idle and (exc_type is None or issubclass(exc_type, Exception)):
            loop.run_until_complete(self.settle())
        error = self.conclude(body_failed=exc_type is not None)
        to_cancel = self._take_leaked_tasks()
        for task in to_cancel:
            task.cancel()
        if to_cancel and idle:
            loop.run_until_complete(asyncio.wait(to_cancel, timeout=_CANCEL_WAIT))
        if error is not None:
            raise error


def _queued(loop: asyncio.AbstractEventLoop) -> bool:
    """Whether `loop` has callbacks or timers waiting; True for a loop that does not tell (only
    asyncio's own keep them in `_ready` and `_scheduled`)."""
    ready = getattr(loop, "_ready", None)
    scheduled = getattr(loop, "_scheduled", None)
    return ready is None or scheduled is None or bool(ready) or bool(scheduled)


# `track(...)` reads better at a call site (`async with track(grace=0.5):`); it is the class
# itself, so the two cannot drift apart.
track = Tracker


def _leak_order(leak: LeakedTask) -> tuple[str, int, str, list[str | int]]:
    site = leak.created_at
    name = [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", leak.name)]
    return (site.path if site else "", site.line if site else 0, leak.coroutine, name)

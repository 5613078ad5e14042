"""One test's tasks, on every loop it uses, from the start of its setup to the end of its teardown.

The pytest plugin opens a `TestWatch` when a test's setup starts and asks it for the leaks when
its teardown is over. A loop the test uses is watched from the moment it is known: loops that
already exist (a module- or session-scoped loop) from the start of the setup, a loop made during
the test from when it is made. A loop whose runner is about to close it (and cancel what is
left) is checked then, after the fixtures that used it were torn down; the others at the end of
the teardown. Tasks a wider-scoped fixture starts during the setup are that fixture's, not the
test's: `exclude_new` drops them.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Iterable
from typing import Any

from taskleak.runtime.leaks import IgnoreRule, LeakedTask
from taskleak.runtime.track import Tracker

TaskSet = weakref.WeakSet["asyncio.Task[Any]"]


class TestWatch:
    """The tasks one test leaves on its loops (not a test class: pytest must not collect it)."""

    __test__ = False

    def __init__(
        self, *, ignore: Iterable[IgnoreRule], grace: float, collect_garbage: bool
    ) -> None:
        self._ignore = tuple(ignore)
        self._grace = grace
        self._collect_garbage = collect_garbage
        self._trackers: list[Tracker] = []
        self.leaks: list[LeakedTask] = []
        self.ran = False  # whether a watched asyncio loop ran anything during the test

    def watch(self, loop: asyncio.AbstractEventLoop) -> None:
        """Count the tasks made on `loop` from now on (once per loop)."""
        if loop.is_closed() or any(t.loop is loop for t in self._trackers):
            return
        tracker = Tracker(
            grace=self._grace, ignore=self._ignore, collect_garbage=self._collect_garbage
        )
        tracker.begin(loop)
        self._trackers.append(tracker)

    def watches(self, loop: asyncio.AbstractEventLoop) -> bool:
        return any(t.loop is loop for t in self._trackers)

    def tasks_now(self) -> TaskSet:
        """Every task on the watched loops now (weakly held)."""
        found: TaskSet = weakref.WeakSet()
        for tracker in self._trackers:
            found.update(asyncio.all_tasks(tracker.loop))
        return found

    def exclude_new(self, before: TaskSet) -> None:
        """The tasks made since `before` was taken belong to someone else (a wider fixture)."""
        for tracker in self._trackers:
            tracker.exclude(t for t in asyncio.all_tasks(tracker.loop) if t not in before)

    def check(self, loop: asyncio.AbstractEventLoop) -> None:
        """`loop` is about to be closed: its leaks now, before its runner cancels them."""
        for tracker in self._trackers:
            if tracker.loop is loop:
                self._trackers.remove(tracker)
                self._finish(tracker)
                return

    def finish(self) -> list[LeakedTask]:
        """The test is over: check the loops still open (and read the closed ones as they are)."""
        trackers, self._trackers = self._trackers, []
        for tracker in trackers:
            self._finish(tracker)
        return self.leaks

    def close(self) -> None:
        """Stop watching without a verdict (the session is being interrupted)."""
        trackers, self._trackers = self._trackers, []
        for tracker in trackers:
            tracker.finish()

    def _finish(self, tracker: Tracker) -> None:
        self.ran = self.ran or tracker.ran()  # before settling, which runs the loop itself
        try:
            tracker.settle_idle()
        finally:
            self.leaks.extend(tracker.finish())

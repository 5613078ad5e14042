"""What the plugin holds at the end of a session does not grow with the suite (issue 72).

Each test's tracker must go with its test: a tracker left registered keeps its test's closed
event loop, and the loop its tasks, until the process ends (memory and wall time that grow with
the number of async tests).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from test_runtime_plugin import run, write

from taskleak.runtime import factory
from taskleak.runtime.track import Tracker

pytest_plugins = ["pytester"]

# Counts, at the very end of the inner session (after the plugin's own `sessionfinish`), of what
# is still reachable after a full collection.
HELD_CONFTEST = """
import asyncio
import gc
import json

import pytest

from taskleak.runtime import factory
from taskleak.runtime.track import Tracker
from taskleak.runtime.watch import TestWatch


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    gc.collect()
    objects = gc.get_objects()
    held = {
        "listeners": len(factory._listeners),
        "trackers": sum(isinstance(o, (Tracker, TestWatch)) for o in objects),
        "loops": sum(isinstance(o, asyncio.AbstractEventLoop) for o in objects),
        "closed loops": sum(
            isinstance(o, asyncio.AbstractEventLoop) and o.is_closed() for o in objects
        ),
        "tasks": sum(isinstance(o, asyncio.Task) for o in objects),
    }
    (session.config.rootpath / "held.json").write_text(json.dumps(held))
"""


def _suite(tests: int) -> str:
    body = "".join(
        f"\n@pytest.mark.asyncio\nasync def test_{n}():\n"
        "    await asyncio.create_task(asyncio.sleep(0))\n"
        for n in range(tests)
    )
    return f"import asyncio\nimport pytest\n{body}"


def _held(pytester: pytest.Pytester, tests: int, *args: str) -> dict[str, Any]:
    write(pytester, _suite(tests))
    pytester.makeconftest(HELD_CONFTEST)
    run(pytester, "-q", *args).assert_outcomes(passed=tests)
    held: dict[str, Any] = json.loads((pytester.path / "held.json").read_text())
    return held


def test_the_plugin_holds_no_tracker_loop_or_task_after_the_session(
    pytester: pytest.Pytester,
) -> None:
    plain = _held(pytester, 200, "--no-taskleak")
    small = _held(pytester, 20, "--taskleak")
    large = _held(pytester, 200, "--taskleak")
    # nothing registered, nothing the plain run does not hold too, whatever the suite's size
    assert large["listeners"] == small["listeners"] == 0, (small, large)
    assert large == small == plain, (plain, small, large)


def test_a_finished_tracker_is_no_longer_a_listener() -> None:
    loop = asyncio.new_event_loop()
    try:
        before = len(factory._listeners)
        tracker = Tracker(loop=loop)
        tracker.begin(loop)
        assert len(factory._listeners) == before + 1
        tracker.finish()
        assert len(factory._listeners) == before
    finally:
        loop.close()


def test_a_bound_method_is_removed_by_another_access_to_it() -> None:
    class Listener:
        def heard(self, task: asyncio.Task[Any], site: object) -> None:
            pass

    listener = Listener()
    factory.add_destroyed_listener(listener.heard)
    factory.remove_destroyed_listener(listener.heard)  # a new bound-method object, equal
    assert all(getattr(x, "__self__", None) is not listener for x in factory._listeners)

"""track(): real asyncio code leaking (or not) tasks inside a block."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from runtime_helpers import cancel_all_but_current, forever, line_of

from taskleak.runtime import (
    DESTROYED,
    PENDING,
    LeakedTask,
    TaskLeakError,
    TaskLeakWarning,
    load_runtime_report,
    track,
)
from taskleak.runtime.factory import tasks_created
from taskleak.runtime.track import Tracker

HERE = os.path.abspath(__file__)


async def short(delay: float) -> None:
    await asyncio.sleep(delay)


async def orphan() -> None:
    # waits on a future only this coroutine references: once dropped, the task is garbage
    await asyncio.get_running_loop().create_future()


@pytest.mark.asyncio
async def test_a_leaked_task_is_reported_with_its_creation_and_wait_sites() -> None:
    with pytest.raises(TaskLeakError) as info:
        async with track():
            asyncio.create_task(forever(), name="leaky-one")
    await cancel_all_but_current()
    (leak,) = info.value.leaks
    assert leak.name == "leaky-one"
    assert leak.coroutine == "forever"
    assert leak.kind == PENDING
    assert leak.created_at is not None
    assert leak.created_at.path == HERE
    assert leak.created_at.line == line_of(HERE, 'name="leaky-one"')
    assert (
        leak.created_at.function
        == "test_a_leaked_task_is_reported_with_its_creation_and_wait_sites"
    )
    assert leak.created_at.source == "factory"
    assert leak.suspended_at is not None
    assert leak.suspended_at.path.endswith("runtime_helpers.py")
    assert leak.suspended_at.function == "forever"
    message = str(info.value)
    assert message.startswith("1 task leaked (allowed: 0):")
    assert f"test_runtime_track.py:{leak.created_at.line}" in message


@pytest.mark.asyncio
async def test_a_clean_block_reports_nothing_and_earlier_tasks_do_not_count() -> None:
    before = asyncio.create_task(forever())
    async with track() as tracker:
        done = asyncio.create_task(short(0))
        await done
        cancelled = asyncio.create_task(forever())
        cancelled.cancel()
    assert tracker.leaks == []
    assert not before.done()  # untouched: it was running before the block
    before.cancel()


@pytest.mark.asyncio
async def test_max_leaked_is_a_threshold() -> None:
    async with track(max_leaked=2) as tracker:
        for _ in range(2):
            asyncio.create_task(forever())
    assert len(tracker.leaks) == 2
    with pytest.raises(TaskLeakError, match="3 tasks leaked \\(allowed: 2\\)"):
        async with track(max_leaked=2):
            for _ in range(3):
                asyncio.create_task(forever())
    await cancel_all_but_current()


@pytest.mark.asyncio
async def test_repeated_spawns_are_tallied_per_site() -> None:
    with pytest.raises(TaskLeakError) as info:
        async with track():
            for _ in range(4):
                asyncio.create_task(forever())  # one line, four tasks
    await cancel_all_but_current()
    line = line_of(HERE, "# one line, four tasks")
    (tally,) = [x for x in str(info.value).splitlines() if "4 x forever()" in x]
    assert f"test_runtime_track.py:{line} in " in tally
    assert tally.endswith(", +1)")  # three task names, then how many more


@pytest.mark.asyncio
async def test_warn_and_log_actions(caplog: pytest.LogCaptureFixture) -> None:
    with pytest.warns(TaskLeakWarning, match="1 task leaked"):
        async with track(action="warn"):
            asyncio.create_task(forever())
    with caplog.at_level(logging.WARNING, logger="taskleak.runtime"):
        async with track(action="log") as tracker:
            asyncio.create_task(forever(), name="logged")
    await cancel_all_but_current()
    assert len(tracker.leaks) == 1
    assert any("logged running forever()" in r.getMessage() for r in caplog.records)


@pytest.mark.asyncio
async def test_ignore_by_coroutine_task_name_module_and_predicate() -> None:
    rules = [
        "forev*",  # coroutine qualname
        "keep-*",  # task name
        "asyncio.tasks",  # module of asyncio.sleep's coroutine
        lambda leak: leak.coroutine == "orphan",
    ]
    async with track(ignore=rules) as tracker:
        asyncio.create_task(forever())
        asyncio.create_task(short(60), name="keep-alive")
        asyncio.create_task(asyncio.sleep(60))
        keep = asyncio.create_task(orphan())
        await asyncio.sleep(0)
    assert tracker.leaks == []
    with pytest.raises(TaskLeakError) as info:
        async with track(ignore=["runtime_helpers.*"]):
            asyncio.create_task(short(60), name="not-ignored")
    assert [leak.name for leak in info.value.leaks] == ["not-ignored"]
    del keep
    await cancel_all_but_current()


@pytest.mark.asyncio
async def test_grace_waits_only_while_the_blocks_tasks_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[tuple[int, float | None]] = []  # (tasks waited for, timeout)
    real_wait = asyncio.wait

    async def recording_wait(tasks: Any, *, timeout: float | None = None) -> Any:
        waits.append((len(tasks), timeout))
        return await real_wait(tasks, timeout=timeout)

    monkeypatch.setattr(asyncio, "wait", recording_wait)  # what the tracker waits with
    async with track(grace=1.0) as tracker:
        asyncio.create_task(short(0.05))
    assert tracker.leaks == [] and waits == [(1, 1.0)]
    async with track(grace=1.0) as tracker:  # nothing pending: no waiting at all
        await asyncio.sleep(0)
    assert waits == [(1, 1.0)]
    with pytest.raises(TaskLeakError):
        async with track(grace=0.05):
            asyncio.create_task(short(30))
    await cancel_all_but_current()


@pytest.mark.asyncio
async def test_cancel_happens_after_the_report() -> None:
    with pytest.raises(TaskLeakError) as info:
        async with track(cancel=True):
            task = asyncio.create_task(forever())
    (leak,) = info.value.leaks
    assert leak.suspended_at is not None  # seen pending, waiting in forever()
    assert task.cancelled()


@pytest.mark.asyncio
async def test_the_blocks_own_exception_is_never_replaced(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="taskleak.runtime"):
        with pytest.raises(KeyError):
            async with track():
                asyncio.create_task(forever(), name="left-by-failure")
                raise KeyError("boom")
    await cancel_all_but_current()
    assert any("left-by-failure" in r.getMessage() for r in caplog.records)


def test_sync_use_around_a_loop_that_is_not_running() -> None:
    loop = asyncio.new_event_loop()
    try:

        async def spawn() -> None:
            asyncio.create_task(forever(), name="from-sync")

        with pytest.raises(TaskLeakError) as info:
            with track(loop=loop, cancel=True):
                loop.run_until_complete(spawn())
        assert [leak.name for leak in info.value.leaks] == ["from-sync"]
        assert all(t.done() for t in asyncio.all_tasks(loop)) or not asyncio.all_tasks(loop)
    finally:
        loop.close()


def test_an_idle_loop_is_not_turned_but_queued_work_runs_before_the_verdict() -> None:
    loop = asyncio.new_event_loop()
    try:
        tracker = Tracker(loop=loop)
        tracker.begin(loop)
        made = tasks_created(loop)
        tracker.settle_idle()  # nothing pending, nothing queued: the loop is not run
        assert tasks_created(loop) == made
        # a callback queued before the verdict starts a task: the loop is run and it is seen
        loop.call_soon(lambda: loop.create_task(forever(), name="from-callback"))
        tracker.settle_idle()
        assert [leak.name for leak in tracker.finish()] == ["from-callback"]
        left = asyncio.all_tasks(loop)
        for task in left:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
    finally:
        loop.close()


def test_sync_use_without_a_loop_says_what_it_needs() -> None:
    with pytest.raises(RuntimeError, match=r"track\(loop=loop\)"):
        with track():
            pass


@pytest.mark.asyncio
async def test_sync_use_inside_a_running_loop() -> None:
    with pytest.raises(TaskLeakError):
        with track():
            asyncio.create_task(forever())
    await cancel_all_but_current()


@pytest.mark.asyncio
async def test_a_task_destroyed_while_pending_is_reported_with_its_site(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        with pytest.raises(TaskLeakError) as info:
            async with track():
                task = asyncio.create_task(orphan(), name="orphaned")  # dropped below
                await asyncio.sleep(0)
                del task
                gc.collect()
    (leak,) = info.value.leaks
    assert leak.kind == DESTROYED
    assert leak.name == "orphaned"
    assert leak.created_at is not None
    assert leak.created_at.line == line_of(HERE, "# dropped below")
    assert "was destroyed while pending" in str(info.value)
    # asyncio's own log line now says where the task came from
    logged = [r for r in caplog.records if "destroyed but it is pending" in r.getMessage()]
    assert logged
    assert f"test_runtime_track.py:{leak.created_at.line}" in logged[0].getMessage()


@pytest.mark.asyncio
async def test_a_task_made_without_a_factory_gets_the_best_site_available() -> None:
    with pytest.raises(TaskLeakError) as info:
        async with track():
            asyncio.Task(forever(), name="direct")  # no factory is called
    await cancel_all_but_current()
    (leak,) = info.value.leaks
    assert leak.created_at is not None
    assert leak.created_at.source == "definition"
    assert leak.created_at.path.endswith("runtime_helpers.py")
    assert leak.created_at.line == line_of(leak.created_at.path, "async def forever")

    previous = sys.get_coroutine_origin_tracking_depth()
    sys.set_coroutine_origin_tracking_depth(10)
    try:
        with pytest.raises(TaskLeakError) as info:
            async with track():
                asyncio.Task(forever(), name="direct-tracked")  # origin tracking on
    finally:
        sys.set_coroutine_origin_tracking_depth(previous)
    await cancel_all_but_current()
    (leak,) = info.value.leaks
    assert leak.created_at is not None
    assert leak.created_at.source == "origin"
    assert (leak.created_at.path, leak.created_at.line) == (
        HERE,
        line_of(HERE, "# origin tracking on"),
    )


@pytest.mark.asyncio
async def test_async_generator_finaliser_tasks_are_ignored_by_default() -> None:
    async def slow_close() -> object:
        try:
            yield 1
            yield 2
        finally:
            await asyncio.sleep(30)  # aclose() from the finaliser hangs here

    async with track() as tracker:
        gen = slow_close()
        await gen.__anext__()
        del gen
        gc.collect()
        await asyncio.sleep(0)
    lingering = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    assert [type(t.get_coro()).__name__ for t in lingering] == ["async_generator_athrow"]
    assert tracker.leaks == []
    await cancel_all_but_current()


def test_track_and_tracker_take_the_same_documented_options() -> None:
    # one signature (the watchers and the plugin build a Tracker, users call track()), each
    # option explained in the docstring and in docs/runtime.md's table, default included
    import ast
    import inspect
    import re

    from helpers import REPO

    from taskleak.runtime import Tracker

    assert inspect.signature(track) == inspect.signature(Tracker)
    assert isinstance(track(), Tracker)
    params = inspect.signature(Tracker).parameters
    assert len(params) == 8 and all(p.kind is p.KEYWORD_ONLY for p in params.values())
    documented = re.findall(r"^    (\w+): ", Tracker.__doc__ or "", re.MULTILINE)
    assert documented == list(params)
    table = dict(re.findall(r"^\| `(\w+)` \| ([^|]+) \|",
                            (REPO / "docs" / "runtime.md").read_text(encoding="utf-8"),
                            re.MULTILINE))
    for name, param in params.items():
        assert name in table, f"docs/runtime.md's table of track()'s options lacks {name}"
        shown = table[name].strip()
        if shown.startswith("`"):  # a literal; else words ("running loop")
            assert ast.literal_eval(shown.strip("`")) == param.default, (name, shown)


def test_bad_options_are_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="max_leaked"):
        track(max_leaked=-1)
    with pytest.raises(ValueError, match="grace"):
        track(grace=-0.5)
    with pytest.raises(ValueError, match="action must be one of raise, warn, log"):
        track(action="explode")


@pytest.mark.asyncio
async def test_report_option_adds_each_blocks_leaks_to_the_file(tmp_path: Path) -> None:
    report = tmp_path / "runtime.json"
    for _ in range(2):
        async with track(action="log", report=report, cancel=True):
            asyncio.create_task(forever())  # spawn for the report
    (entry,) = load_runtime_report(report)
    assert entry.count == 2
    assert (entry.path, entry.line) == (HERE, line_of(HERE, "# spawn for the report"))
    assert entry.coroutine == "forever"
    assert json.loads(report.read_text())["kind"] == "taskleak-runtime-report"


def test_leaked_task_matching_and_description() -> None:
    leak = LeakedTask("Task-3", "Agent.send", "app.agent", None, None)
    assert leak.matches("Agent.*")
    assert leak.matches("app.agent.Agent.send")
    assert leak.matches("app.*")
    assert leak.matches("Task-3")
    assert not leak.matches("send")
    assert leak.describe() == "Task-3 running Agent.send()"


def test_a_task_run_through_a_wrapper_matches_its_own_and_the_wrappers_names() -> None:
    leak = LeakedTask("app.poll", "poll", "app", None, None, wrapper="TaskHandle._run_coro",
                      wrapper_module="anyio._core._tasks")
    assert leak.matches("poll")
    assert leak.matches("app.poll")
    assert leak.matches("TaskHandle._run_coro")  # a glob written on the wrapper still holds
    assert leak.matches("anyio._core.*")
    assert not leak.matches("other")
    assert leak.describe() == "app.poll running poll()"

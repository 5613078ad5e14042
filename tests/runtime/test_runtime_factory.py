"""The site-recording task factory: wraps what was there, forwards everything, finds user lines."""

from __future__ import annotations

import asyncio
import contextvars
import os
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from runtime_helpers import cancel_all_but_current, forever, line_of

from taskleak.runtime import (
    CreateTaskHook,
    SiteRecordingFactory,
    add_internal_packages,
    creation_site,
    install,
    is_installed,
    uninstall,
)

HERE = os.path.abspath(__file__)
request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="none")


async def read_request_id() -> str:
    return request_id.get()


class RecordingFactory:
    """A task factory like aiomonitor's: builds the task itself and remembers the call."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(
        self, loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any
    ) -> asyncio.Task[Any]:
        self.calls.append(kwargs)
        return asyncio.Task(coro, loop=loop, **kwargs)


def site_line(task: asyncio.Task[Any]) -> tuple[str, int]:
    site = creation_site(task)
    assert site is not None
    return (site.path, site.line)


@pytest.mark.asyncio
async def test_leaves_the_loops_factory_alone_and_forwards_every_keyword() -> None:
    loop = asyncio.get_running_loop()
    inner = RecordingFactory()
    loop.set_task_factory(inner)
    try:
        hook = install(loop)
        assert isinstance(hook, CreateTaskHook)
        assert loop.get_task_factory() is inner  # what the code under test sees: unchanged
        assert install(loop) is hook  # once per loop
        task = loop.create_task(read_request_id(), name="named")
        assert await task == "none"
        assert len(inner.calls) == 1
        assert task.get_name() == "named"
        assert site_line(task) == (HERE, line_of(HERE, 'name="named"'))
        uninstall(loop)
        assert loop.get_task_factory() is inner
        assert "create_task" not in vars(loop)
        assert not is_installed(loop)
    finally:
        loop.set_task_factory(None)


@pytest.mark.asyncio
async def test_task_names_and_factory_are_what_they_would_be_without_taskleak() -> None:
    loop = asyncio.get_running_loop()
    install(loop)
    try:
        assert loop.get_task_factory() is None
        task = asyncio.create_task(read_request_id())  # unnamed: asyncio's own "Task-N"
        assert task.get_name().startswith("Task-")
        assert task.get_name() != "None"  # what any task factory gives on CPython 3.13.0-2
        await task
        assert site_line(task) == (HERE, line_of(HERE, "# unnamed: asyncio's own"))
    finally:
        uninstall(loop)


class FrozenLoop(asyncio.SelectorEventLoop):
    """A loop whose create_task cannot be shadowed per instance (like uvloop's Cython loop)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "create_task":
            raise AttributeError(name)
        super().__setattr__(name, value)


def test_a_loop_that_refuses_the_create_task_hook_gets_a_wrapping_factory() -> None:
    loop = FrozenLoop()
    inner = RecordingFactory()
    loop.set_task_factory(inner)
    try:
        factory = install(loop)
        assert isinstance(factory, SiteRecordingFactory)
        assert factory.inner is inner
        assert install(loop) is factory
        task = loop.create_task(read_request_id(), name="frozen")  # site: frozen
        assert loop.run_until_complete(task) == "none"
        assert len(inner.calls) == 1
        assert task.get_name() == "frozen"
        assert site_line(task) == (HERE, line_of(HERE, "# site: frozen"))
        uninstall(loop)
        assert loop.get_task_factory() is inner
    finally:
        loop.close()


@pytest.mark.skipif(sys.version_info < (3, 11), reason="create_task(context=) is 3.11+")
@pytest.mark.asyncio
async def test_the_context_keyword_reaches_the_inner_factory() -> None:
    loop = asyncio.get_running_loop()
    inner = RecordingFactory()
    loop.set_task_factory(inner)
    try:
        install(loop)
        context = contextvars.copy_context()
        context.run(request_id.set, "req-42")
        task = loop.create_task(read_request_id(), name="with-context", context=context)
        assert await task == "req-42"  # the context reached the task through both factories
        assert inner.calls[-1].get("context") is context
        assert task.get_name() == "with-context"
        assert site_line(task) == (HERE, line_of(HERE, 'name="with-context"'))
    finally:
        loop.set_task_factory(None)


@pytest.mark.asyncio
async def test_without_a_previous_factory_tasks_are_plain_asyncio_tasks() -> None:
    loop = asyncio.get_running_loop()
    install(loop)
    try:
        task = asyncio.create_task(read_request_id(), name="plain")
        assert type(task) is asyncio.Task
        assert await task == "none"
    finally:
        uninstall(loop)
    assert loop.get_task_factory() is None


@pytest.mark.skipif(sys.version_info < (3, 12), reason="eager task factories exist from 3.12")
@pytest.mark.asyncio
async def test_eager_task_factories_keep_working() -> None:
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)  # type: ignore[attr-defined,unused-ignore]
    try:
        install(loop)
        finished = asyncio.create_task(read_request_id())
        assert finished.done()  # ran to completion eagerly, inside create_task
        pending = asyncio.create_task(forever())  # eager and still pending
        assert site_line(pending) == (HERE, line_of(HERE, "# eager and still pending"))
        pending.cancel()
    finally:
        loop.set_task_factory(None)


@pytest.mark.asyncio
async def test_sites_skip_asyncio_for_every_way_of_spawning() -> None:
    install()
    loop = asyncio.get_running_loop()
    spawned = [
        asyncio.create_task(forever()),  # site: create_task
        asyncio.ensure_future(forever()),  # site: ensure_future
        loop.create_task(forever()),  # site: loop.create_task
    ]
    gathered = asyncio.gather(forever())  # site: gather
    for task, text in zip(
        spawned,
        ["# site: create_task", "# site: ensure_future", "# site: loop.create_task"],
        strict=True,
    ):
        assert site_line(task) == (HERE, line_of(HERE, text))
    sites = [creation_site(t) for t in asyncio.all_tasks()]
    gather_site = (HERE, line_of(HERE, "# site: gather"))
    assert any(site is not None and (site.path, site.line) == gather_site for site in sites)
    gathered.cancel()
    await cancel_all_but_current()


@pytest.mark.skipif(sys.version_info < (3, 11), reason="TaskGroup is 3.11+")
@pytest.mark.asyncio
async def test_task_group_spawns_point_at_the_users_line() -> None:
    install()
    async with asyncio.TaskGroup() as group:  # type: ignore[attr-defined,unused-ignore]
        in_group = group.create_task(forever())  # site: TaskGroup
        in_group.cancel()
    assert site_line(in_group) == (HERE, line_of(HERE, "# site: TaskGroup"))


@pytest.mark.asyncio
async def test_tasks_from_loop_callbacks_do_not_blame_the_loop_runner() -> None:
    loop = asyncio.get_running_loop()
    install(loop)
    made: list[asyncio.Task[Any]] = []
    # asyncio itself spawns from a callback (the same path as the async-generator finaliser)
    loop.call_soon(lambda: made.append(loop.create_task(forever())))  # site: lambda
    loop.call_soon(loop.create_task, forever())  # no user frame on the stack
    await asyncio.sleep(0)
    assert site_line(made[0]) == (HERE, line_of(HERE, "# site: lambda"))
    others = [
        t for t in asyncio.all_tasks() if t is not asyncio.current_task() and t is not made[0]
    ]
    (from_callback,) = others
    site = creation_site(from_callback)
    assert site is not None
    assert site.source == "definition"  # the coroutine's def, not pytest's or asyncio's code
    assert site.path.endswith("runtime_helpers.py")
    await cancel_all_but_current()


@pytest.mark.asyncio
async def test_a_task_created_before_install_falls_back_to_its_coroutine() -> None:
    loop = asyncio.get_running_loop()
    uninstall(loop)
    task = asyncio.create_task(forever())
    install(loop)
    site = creation_site(task)
    assert site is not None
    assert site.source == "definition"
    task.cancel()


@pytest.mark.asyncio
async def test_own_spawn_helpers_can_be_declared_internal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    helper = tmp_path / "tl_spawn_helper.py"
    helper.write_text(
        textwrap.dedent(
            """
            import asyncio

            def spawn(coro):
                return asyncio.create_task(coro)
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import tl_spawn_helper  # type: ignore[import-not-found]

    install()
    before = tl_spawn_helper.spawn(forever())
    assert site_line(before) == (str(helper), line_of(helper, "create_task"))
    add_internal_packages("tl_spawn_helper")
    after = tl_spawn_helper.spawn(forever())  # site: helper caller
    assert site_line(after) == (HERE, line_of(HERE, "# site: helper caller"))
    await cancel_all_but_current()


@pytest.mark.asyncio
async def test_a_users_exception_handler_still_gets_destroyed_task_messages() -> None:
    import gc

    from taskleak.runtime.factory import add_destroyed_listener, remove_destroyed_listener

    loop = asyncio.get_running_loop()
    install(loop)
    handled: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: handled.append(context))
    heard: list[str] = []

    def listener(task: asyncio.Task[Any], site: object) -> None:
        heard.append(task.get_name())

    add_destroyed_listener(listener)
    try:

        async def orphan() -> None:
            await loop.create_future()

        task = asyncio.create_task(orphan(), name="orphan-x")  # site: orphan
        await asyncio.sleep(0)
        del task
        gc.collect()
    finally:
        remove_destroyed_listener(listener)
        loop.set_exception_handler(None)
    assert heard == ["orphan-x"]
    (context,) = handled
    assert context["message"] == "Task was destroyed but it is pending!"
    line = line_of(HERE, "# site: orphan")
    assert (
        f"test_runtime_factory.py:{line} in test_a_users_exception_handler"
        in (context["taskleak_created_at"])
    )


@pytest.mark.asyncio
async def test_anyio_start_soon_points_at_the_callers_line() -> None:
    import anyio

    install()
    seen: list[object] = []

    async def record_own_site() -> None:
        task = asyncio.current_task()
        assert task is not None
        seen.append(site_line(task))

    async with anyio.create_task_group() as group:
        group.start_soon(record_own_site)  # site: start_soon
    assert seen == [(HERE, line_of(HERE, "# site: start_soon"))]


class SealedLoop(asyncio.SelectorEventLoop):
    """A loop whose methods cannot be shadowed per instance (like uvloop's Cython loop)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "call_exception_handler":
            raise AttributeError(name)
        super().__setattr__(name, value)


def test_loops_that_refuse_the_hook_get_a_chained_exception_handler() -> None:
    import gc

    from taskleak.runtime.factory import add_destroyed_listener, remove_destroyed_listener

    loop = SealedLoop()
    handled: list[dict[str, Any]] = []

    def earlier_handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        handled.append(context)

    loop.set_exception_handler(earlier_handler)
    heard: list[str] = []

    def listener(task: asyncio.Task[Any], site: object) -> None:
        heard.append(task.get_name())

    async def orphan() -> None:
        await loop.create_future()

    async def drop_a_task() -> None:
        install(loop)
        task = asyncio.create_task(orphan(), name="sealed-orphan")  # site: sealed
        await asyncio.sleep(0)
        del task
        gc.collect()

    add_destroyed_listener(listener)
    try:
        loop.run_until_complete(drop_a_task())
        assert heard == ["sealed-orphan"]
        (context,) = handled  # the earlier handler still gets the message, with the site
        line = line_of(HERE, "# site: sealed")
        assert f"test_runtime_factory.py:{line} in " in context["taskleak_created_at"]
        uninstall(loop)
        assert loop.get_exception_handler() is earlier_handler
        assert loop.get_task_factory() is None
    finally:
        remove_destroyed_listener(listener)
        loop.close()

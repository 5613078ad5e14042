"""The plugin's check after fixture teardown, before the loop closes (the default), end to end."""

from __future__ import annotations

import pytest
from test_runtime_plugin import run, write

pytest_plugins = ["pytester"]

OWNED = """
import asyncio
import pytest
import pytest_asyncio

async def forever():
    await asyncio.sleep(3600)

class Scheduler:
    def __init__(self):
        self.tasks = set()

    def spawn(self, coro):
        task = asyncio.create_task(coro)  # the scheduler's spawn
        self.tasks.add(task)
        return task

    async def close(self):
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)

@pytest_asyncio.fixture
async def scheduler():
    scheduler = Scheduler()
    yield scheduler
    await scheduler.close()

@pytest_asyncio.fixture
async def forgetful():
    yield Scheduler()  # never closed: its tasks outlive the test

@pytest.mark.asyncio
async def test_owned_by_a_fixture(scheduler):
    scheduler.spawn(forever())

@pytest.mark.asyncio
async def test_left_after_teardown(forgetful):
    forgetful.spawn(forever())
"""


def test_a_task_a_fixtures_teardown_stops_is_not_a_leak(pytester: pytest.Pytester) -> None:
    write(pytester, OWNED)
    result = run(pytester, "--taskleak", "-rE")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_left_after_teardown*",
            "1 task leaked (allowed: 0):",
            "  - * running forever(), created at test_app.py:13 in *spawn, *",  # 3.10: no qualname
            "It was still pending after the test's fixtures were torn down, *",
            "Fix: stop it where the test or a fixture starts it*",
            "Or allow it: @pytest.mark.taskleak_allow('forever') on the test, *taskleak_ignore*",
        ]
    )
    assert "test_owned_by_a_fixture" not in result.stdout.str()


def test_at_the_end_of_the_body_a_fixture_owned_task_counts(pytester: pytest.Pytester) -> None:
    write(pytester, OWNED, ini="taskleak_when = call\n")
    result = run(pytester, "--taskleak")
    result.assert_outcomes(passed=0, failed=2)
    result.stdout.fnmatch_lines(["*still pending at the end of the test body*"])


LOOP_SCOPED = """
import asyncio
import pytest
import pytest_asyncio

async def forever():
    await asyncio.sleep(3600)

@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def server():
    task = asyncio.create_task(forever())  # the module's server, for every test
    yield task
    task.cancel()

@pytest.mark.asyncio(loop_scope="module")
async def test_first(server):
    await asyncio.sleep(0)

@pytest.mark.asyncio(loop_scope="module")
async def test_leaks(server):
    asyncio.create_task(forever())  # the leaky spawn

@pytest.mark.asyncio(loop_scope="module")
async def test_last(server):
    await asyncio.sleep(0)
"""


def test_a_module_scoped_fixtures_task_belongs_to_the_module(pytester: pytest.Pytester) -> None:
    line = write(pytester, LOOP_SCOPED)
    result = run(pytester, "--taskleak", "-rE")
    result.assert_outcomes(passed=3, errors=1)
    result.stdout.fnmatch_lines(
        [
            f"*created at test_app.py:{line} in test_leaks*",
            "ERROR test_app.py::test_leaks - Failed: 1 task leaked*",
        ]
    )
    assert "test_first" not in result.stdout.str()
    assert "test_last" not in result.stdout.str()


def test_anyio_fixtures_are_torn_down_before_the_check(pytester: pytest.Pytester) -> None:
    write(
        pytester,
        """
        import anyio
        import pytest

        async def forever():
            await anyio.sleep(3600)

        @pytest.fixture
        def anyio_backend():
            return "asyncio"

        @pytest.fixture
        async def group():
            async with anyio.create_task_group() as tg:
                yield tg
                tg.cancel_scope.cancel()

        @pytest.mark.anyio
        async def test_owned(group):
            group.start_soon(forever)

        @pytest.mark.anyio
        async def test_leaks():
            import asyncio
            asyncio.create_task(forever())  # the leaky spawn
        """,
    )
    result = run(pytester, "--taskleak", "-rE")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["ERROR test_app.py::test_leaks - Failed: 1 task leaked*"])


def test_isolated_asyncio_test_cases_are_checked_after_their_cleanups(
    pytester: pytest.Pytester,
) -> None:
    line = write(
        pytester,
        """
        import asyncio
        import unittest

        async def forever():
            await asyncio.sleep(3600)

        class Cases(unittest.IsolatedAsyncioTestCase):
            async def asyncSetUp(self):
                self.worker = asyncio.create_task(forever())

            async def asyncTearDown(self):
                self.worker.cancel()

            async def test_clean(self):
                await asyncio.sleep(0)

            async def test_cleanup_stops_it(self):
                task = asyncio.create_task(forever())
                self.addAsyncCleanup(self.stop, task)

            async def test_leaks(self):
                asyncio.create_task(forever())  # the leaky spawn

            async def stop(self, task):
                task.cancel()
        """,
    )
    result = run(pytester, "--taskleak", "-rE")
    result.assert_outcomes(passed=3, errors=1)
    result.stdout.fnmatch_lines(
        [
            f"*created at test_app.py:{line} in *test_leaks*",  # 3.10: no qualname
            "ERROR test_app.py::Cases::test_leaks - Failed: 1 task leaked*",
        ]
    )


def test_warn_mode_under_filterwarnings_error_says_why_it_fails(
    pytester: pytest.Pytester,
) -> None:
    write(
        pytester,
        """
        import asyncio
        import pytest

        async def forever():
            await asyncio.sleep(3600)

        @pytest.mark.asyncio
        async def test_leaks():
            asyncio.create_task(forever())
        """,
        ini="taskleak_action = warn\nfilterwarnings =\n    error\n",
    )
    result = run(pytester, "--taskleak")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*taskleak_action = warn, but the filterwarnings setting turns TaskLeakWarning "
            "into an error*default::taskleak.runtime.TaskLeakWarning*",
        ]
    )
    # the error says it once: not the warning first, then the failure raised while handling it
    error = result.stdout.str().split("ERROR at teardown of test_leaks")[1]
    error = error.split("taskleak: tasks left running by tests")[0]
    assert error.count("1 task leaked") == 1, error
    assert error.count("It was still pending") == 1, error
    assert "During handling of the above exception" not in error
    # and what it says works: the leak is a warning again
    write(
        pytester,
        """
        import asyncio
        import pytest

        @pytest.mark.asyncio
        async def test_leaks():
            asyncio.create_task(asyncio.sleep(3600))
        """,
        ini="taskleak_action = warn\nfilterwarnings =\n    error\n"
        "    default::taskleak.runtime.TaskLeakWarning\n",
    )
    run(pytester, "--taskleak").assert_outcomes(passed=1, warnings=1)


def test_the_code_under_test_sees_no_task_factory_and_its_own_names(
    pytester: pytest.Pytester,
) -> None:
    write(
        pytester,
        """
        import asyncio
        import pytest

        @pytest.mark.asyncio
        async def test_names():
            loop = asyncio.get_running_loop()
            assert loop.get_task_factory() is None
            task = asyncio.create_task(asyncio.sleep(0))
            assert task.get_name().startswith("Task-"), task.get_name()
            await task
        """,
    )
    run(pytester, "--taskleak", "-o", "taskleak_ignore=*").assert_outcomes(passed=1)
    run(pytester, "--taskleak").assert_outcomes(passed=1)


def test_garbage_is_collected_only_when_a_task_is_left(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(
        """
        import gc

        collections = []
        _collect = gc.collect

        def counting_collect(*args):
            collections.append(args)
            return _collect(*args)

        gc.collect = counting_collect

        def pytest_terminal_summary(terminalreporter):
            terminalreporter.write_line(f"full collections: {len(collections)}")
        """
    )
    write(
        pytester,
        """
        import asyncio
        import pytest

        @pytest.mark.asyncio
        @pytest.mark.parametrize("n", range(5))
        async def test_clean(n):
            await asyncio.create_task(asyncio.sleep(0))
        """,
    )
    result = run(pytester, "--taskleak")
    result.assert_outcomes(passed=5)
    result.stdout.fnmatch_lines(["full collections: 0"])


@pytest.mark.asyncio
async def test_a_spawn_inside_a_library_also_names_the_users_line() -> None:
    import os

    from runtime_helpers import line_of
    from websockets.asyncio.client import connect
    from websockets.asyncio.server import ServerConnection, serve

    from taskleak.runtime import track

    async def echo(connection: ServerConnection) -> None:
        async for message in connection:
            await connection.send(message)

    here = os.path.abspath(__file__)
    async with serve(echo, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        tracker = track(action="log")
        async with tracker:
            client = await connect(f"ws://127.0.0.1:{port}")  # the user's line
        await client.close()
    keepalive = [leak for leak in tracker.leaks if leak.coroutine.endswith("keepalive")]
    sites = [leak.created_at for leak in keepalive if leak.created_at is not None]
    assert len(sites) == 2  # the client's and the server's connection
    assert all("websockets" in site.path for site in sites)  # the spawn: inside the library
    # the client's was made under this test's line; the server's by a loop callback (no line)
    vias = [(site.via.path, site.via.line) for site in sites if site.via is not None]
    assert vias == [(here, line_of(here, "# the user's line"))]
    assert any("called from " in leak.describe() for leak in keepalive)


LEAKS_TWICE = """
import asyncio
import pytest

async def forever():
    await asyncio.sleep(3600)

@pytest.mark.asyncio
@pytest.mark.parametrize("n", [1, 2])
async def test_leaks(n):
    asyncio.create_task(forever())  # the leaky spawn

@pytest.mark.asyncio
async def test_clean():
    await asyncio.sleep(0)
"""


def test_a_tests_leaks_travel_in_its_report_as_xdist_sends_it(pytester: pytest.Pytester) -> None:
    from _pytest.reports import TestReport

    line = write(pytester, LEAKS_TWICE)
    recorded = pytester.inline_run("--taskleak", "-p", "no:hypothesispytest")
    teardowns = [
        r for r in recorded.getreports("pytest_runtest_logreport") if r.when == "teardown"
    ]
    # what pytest-xdist does with a worker's report: serialise it, rebuild it on the controller
    rebuilt = {r.nodeid: TestReport._from_json(r._to_json()) for r in teardowns}
    leaky = rebuilt["test_app.py::test_leaks[1]"]
    ((key, text),) = leaky.user_properties
    assert key == "taskleak"
    assert f"created at test_app.py:{line} in test_leaks" in text
    assert rebuilt["test_app.py::test_clean"].user_properties == []


def test_under_xdist_the_summary_names_each_test(pytester: pytest.Pytester) -> None:
    pytest.importorskip("xdist")
    line = write(pytester, LEAKS_TWICE)
    result = run(pytester, "--taskleak", "-n", "2")
    result.assert_outcomes(passed=3, errors=2)
    summary = result.stdout.str().split("tasks left running by tests")[1]
    for test in ("test_leaks[1]", "test_leaks[2]"):
        assert f"test_app.py::{test}: 1 task leaked:" in summary
    assert f"created at test_app.py:{line} in test_leaks" in summary
    assert "test_clean" not in summary

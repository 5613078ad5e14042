"""The pytest plugin end to end, through pytester, under pytest-asyncio and anyio."""

from __future__ import annotations

import textwrap

import pytest

from taskleak.runtime import load_runtime_report

pytest_plugins = ["pytester"]

INI = """
[pytest]
asyncio_default_fixture_loop_scope = function
"""

LEAKY = """
import asyncio
import pytest

async def forever():
    await asyncio.sleep(3600)

@pytest.mark.asyncio
async def test_leaks():
    asyncio.create_task(forever())  # the leaky spawn

@pytest.mark.asyncio
async def test_clean():
    task = asyncio.create_task(forever())
    task.cancel()
"""


def write(pytester: pytest.Pytester, source: str, ini: str = "", name: str = "test_app") -> int:
    """Write the ini and the test module; return the line of the '# the leaky spawn' comment."""
    pytester.makeini(INI + textwrap.dedent(ini))
    path = pytester.makepyfile(**{name: textwrap.dedent(source)})
    lines = path.read_text().splitlines()
    return next((i for i, line in enumerate(lines, 1) if "# the leaky spawn" in line), 0)


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    # hypothesis' plugin is re-imported by every in-process run and costs a second each time
    return pytester.runpytest("-p", "no:hypothesispytest", *args)


def test_off_by_default(pytester: pytest.Pytester) -> None:
    write(pytester, LEAKY)
    result = run(pytester)
    result.assert_outcomes(passed=2)
    assert "leaked" not in result.stdout.str()


def test_off_it_registers_nothing_and_imports_no_runtime_code(pytester: pytest.Pytester) -> None:
    write(
        pytester,
        """
        import sys

        def test_plugin_is_idle(pytestconfig):
            assert pytestconfig.pluginmanager.get_plugin("taskleak-runtime") is None
            assert "taskleak.pytest_plugin" in sys.modules  # the entry point is loaded...
            assert "taskleak.runtime" not in sys.modules  # ...but nothing else
        """,
    )
    result = pytester.runpytest_subprocess("-p", "no:hypothesispytest")
    result.assert_outcomes(passed=1)


def test_flag_fails_the_leaking_test_with_its_creation_site(pytester: pytest.Pytester) -> None:
    line = write(pytester, LEAKY)
    result = run(pytester, "--taskleak")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*test_leaks*",
            "1 task leaked (allowed: 0):",
            f"  - * running forever(), created at test_app.py:{line} in test_leaks,"
            " waiting at test_app.py:5 in forever",
            "*taskleak: tasks left running by tests*",
            "ERROR test_app.py::test_leaks - Failed: 1 task leaked*",
        ]
    )
    assert "test_clean" not in result.stdout.str().split("tasks left running by tests")[1]


def test_ini_turns_it_on_and_the_command_line_off(pytester: pytest.Pytester) -> None:
    write(pytester, LEAKY, ini="taskleak = true\n")
    run(pytester).assert_outcomes(passed=2, errors=1)
    run(pytester, "--no-taskleak").assert_outcomes(passed=2)


def test_anyio_tests_are_checked_too(pytester: pytest.Pytester) -> None:
    line = write(
        pytester,
        """
        import asyncio
        import pytest

        @pytest.fixture
        def anyio_backend():
            return "asyncio"

        @pytest.fixture
        async def resource():
            yield "resource"
            await asyncio.sleep(0)

        async def forever():
            await asyncio.sleep(3600)

        @pytest.mark.anyio
        async def test_leaks(resource):
            asyncio.create_task(forever())  # the leaky spawn

        @pytest.mark.anyio
        async def test_clean(resource):
            await asyncio.create_task(asyncio.sleep(0))
        """,
    )
    result = run(pytester, "--taskleak")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines([f"*created at test_app.py:{line} in test_leaks*"])


ANYIO_TASK_GROUP = """
import anyio
import pytest

@pytest.fixture
def anyio_backend():
    return "asyncio"

async def forever():
    await anyio.sleep_forever()

async def other():
    await anyio.sleep_forever()

@pytest.mark.anyio{marker}
async def test_leaks_two():
    group = anyio.create_task_group()
    await group.__aenter__()  # never left: its tasks outlive the test
    group.start_soon(forever)  # the leaky spawn
    group.start_soon(other)
"""


def test_an_anyio_task_groups_task_is_named_by_its_own_coroutine(
    pytester: pytest.Pytester,
) -> None:
    line = write(pytester, ANYIO_TASK_GROUP.format(marker=""))
    result = run(pytester, "--taskleak")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines([
        f"*running forever(), created at test_app.py:{line} in test_leaks_two*",
        f"*running other(), created at test_app.py:{line + 1} in test_leaks_two*",
        "Or allow it: @pytest.mark.taskleak_allow('forever', 'other') on the test*",
    ])
    assert "_run_coro" not in result.stdout.str()  # anyio's wrapper (anyio 4.14+) is not named

    # the glob suggested for one task allows that task only: the other is still reported
    write(pytester, ANYIO_TASK_GROUP.format(marker="\n@pytest.mark.taskleak_allow('forever')"))
    allowed = run(pytester, "--taskleak")
    allowed.assert_outcomes(passed=1, errors=1)
    allowed.stdout.fnmatch_lines(["1 task leaked (allowed: 0):", "*running other()*"])
    assert "running forever()" not in allowed.stdout.str()


def test_the_marker_allows_expected_lingering_tasks(pytester: pytest.Pytester) -> None:
    write(
        pytester,
        """
        import asyncio
        import pytest

        async def heartbeat():
            await asyncio.sleep(3600)

        @pytest.mark.asyncio
        @pytest.mark.taskleak_allow
        async def test_not_checked():
            asyncio.create_task(heartbeat())

        @pytest.mark.asyncio
        @pytest.mark.taskleak_allow("heart*")
        async def test_pattern():
            asyncio.create_task(heartbeat())

        @pytest.mark.asyncio
        @pytest.mark.taskleak_allow("other*")
        async def test_pattern_mismatch():
            asyncio.create_task(heartbeat())

        @pytest.mark.asyncio
        @pytest.mark.taskleak_allow(max_leaked=1)
        async def test_one_allowed():
            asyncio.create_task(heartbeat())

        @pytest.mark.asyncio
        @pytest.mark.taskleak_allow(max_leaked=1)
        async def test_two_is_too_many():
            asyncio.create_task(heartbeat())
            asyncio.create_task(heartbeat())

        @pytest.mark.asyncio
        @pytest.mark.taskleak_allow(max_leaked="lots")
        async def test_bad_marker():
            pass
        """,
    )
    result = run(pytester, "--taskleak", "--strict-markers", "-rE")
    result.assert_outcomes(passed=5, errors=4)  # test_bad_marker errors at setup
    result.stdout.fnmatch_lines(
        [
            "ERROR test_app.py::test_pattern_mismatch - Failed: 1 task leaked*",
            "ERROR test_app.py::test_two_is_too_many - Failed: 2 tasks leaked (allowed: 1)*",
            "ERROR test_app.py::test_bad_marker - Failed: taskleak_allow takes glob*",
        ]
    )


def test_the_marker_is_known_when_the_plugin_is_off(pytester: pytest.Pytester) -> None:
    write(
        pytester,
        """
        import pytest

        @pytest.mark.taskleak_allow("x")
        def test_sync():
            pass
        """,
    )
    run(pytester, "--strict-markers").assert_outcomes(passed=1)


def test_a_failing_test_keeps_its_own_failure(pytester: pytest.Pytester) -> None:
    write(
        pytester,
        """
        import asyncio
        import pytest

        async def forever():
            await asyncio.sleep(3600)

        @pytest.mark.asyncio
        async def test_fails_and_leaks():
            asyncio.create_task(forever())
            assert 1 == 2, "the test's own failure"
        """,
    )
    result = run(pytester, "--taskleak")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*AssertionError: the test's own failure*",
            "*Captured taskleak teardown*",
            "1 task leaked (allowed: 0):",
        ]
    )
    assert "Failed: 1 task leaked" not in result.stdout.str()


def test_warn_action_lets_the_test_pass_with_a_warning(pytester: pytest.Pytester) -> None:
    write(pytester, LEAKY, ini="taskleak = true\ntaskleak_action = warn\n")
    result = run(pytester)
    result.assert_outcomes(passed=2, warnings=1)
    result.stdout.fnmatch_lines(["*TaskLeakWarning: test_app.py::test_leaks: 1 task leaked*"])


def test_report_file_holds_the_creation_sites(pytester: pytest.Pytester) -> None:
    line = write(pytester, LEAKY)
    result = run(pytester, "--taskleak", "--taskleak-report", "out/runtime.json")
    result.assert_outcomes(passed=2, errors=1)
    report = pytester.path / "out" / "runtime.json"
    result.stdout.fnmatch_lines([f"runtime report: {report}"])
    (entry,) = load_runtime_report(report)
    assert (entry.path, entry.line) == (str(pytester.path / "test_app.py"), line)
    assert (entry.function, entry.coroutine, entry.count) == ("test_leaks", "forever", 1)


def test_a_task_destroyed_while_pending_fails_the_test(pytester: pytest.Pytester) -> None:
    line = write(
        pytester,
        """
        import asyncio
        import gc
        import pytest

        async def orphan():
            await asyncio.get_running_loop().create_future()

        @pytest.mark.asyncio
        async def test_drops_a_task():
            task = asyncio.create_task(orphan())  # the leaky spawn
            await asyncio.sleep(0)
            del task
            gc.collect()
        """,
    )
    result = run(pytester, "--taskleak")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(
        [
            f"  - * running orphan() was destroyed while pending, created at "
            f"test_app.py:{line} in test_drops_a_task"
        ]
    )


def test_grace_lets_tasks_finish_first(pytester: pytest.Pytester) -> None:
    source = """
        import asyncio
        import pytest

        @pytest.mark.asyncio
        async def test_background_flush():
            asyncio.create_task(asyncio.sleep(0.05))
        """
    write(pytester, source)
    run(pytester, "--taskleak").assert_outcomes(passed=1, errors=1)
    write(pytester, source, ini="taskleak_grace = 1\n")
    run(pytester, "--taskleak").assert_outcomes(passed=1)


def test_bad_settings_are_a_usage_error(pytester: pytest.Pytester) -> None:
    write(pytester, LEAKY, ini="taskleak_grace = soon\n")
    result = run(pytester, "--taskleak")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*taskleak_grace must be a number of seconds >= 0, got 'soon'*"])


def test_a_shared_loop_blames_only_the_test_that_leaked(pytester: pytest.Pytester) -> None:
    write(
        pytester,
        """
        import asyncio
        import pytest

        async def forever():
            await asyncio.sleep(3600)

        @pytest.mark.asyncio(loop_scope="module")
        async def test_first_leaks():
            asyncio.create_task(forever())

        @pytest.mark.asyncio(loop_scope="module")
        async def test_second_is_clean():
            await asyncio.sleep(0)
        """,
    )
    result = run(pytester, "--taskleak")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["ERROR test_app.py::test_first_leaks*"])


def test_sync_tests_are_left_alone(pytester: pytest.Pytester) -> None:
    write(
        pytester,
        """
        import asyncio

        def test_sync_runs_its_own_loop():
            async def main():
                asyncio.create_task(asyncio.sleep(0))
            asyncio.run(main())
        """,
    )
    run(pytester, "--taskleak").assert_outcomes(passed=1)


def test_xdist_workers_write_their_own_file_and_the_controller_merges_them(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated pytest-xdist: a worker is a process whose config has `workerinput`.
    pytester.makeconftest(
        """
        import os
        import pytest

        @pytest.hookimpl(tryfirst=True)
        def pytest_configure(config):
            worker = os.environ.get("FAKE_XDIST_WORKER")
            if worker:
                config.workerinput = {"workerid": worker}
        """
    )
    line = write(pytester, LEAKY)
    for worker in ("gw0", "gw1"):
        monkeypatch.setenv("FAKE_XDIST_WORKER", worker)
        run(pytester, "--taskleak", "--taskleak-report", "runtime.json")
        part = pytester.path / f"runtime.json.{worker}"
        part.rename(pytester.path / f"finished.{worker}")
    assert not (pytester.path / "runtime.json").exists()
    monkeypatch.delenv("FAKE_XDIST_WORKER")
    stale = pytester.path / "runtime.json.gw7"
    stale.write_text("left over from an earlier run")  # removed at session start
    # the controller: the workers' files appear while its session runs
    pytester.makepyfile(
        test_app="""
        import os

        def test_workers_finish():
            for worker in ("gw0", "gw1"):
                os.rename(f"finished.{worker}", f"runtime.json.{worker}")
        """
    )
    result = run(pytester, "--taskleak", "--taskleak-report", "runtime.json")
    result.assert_outcomes(passed=1)
    (entry,) = load_runtime_report(pytester.path / "runtime.json")
    assert (entry.line, entry.count) == (line, 2)
    assert sorted(p.name for p in pytester.path.glob("runtime.json*")) == ["runtime.json"]


def test_auto_mode_methods_and_ini_ignores(pytester: pytest.Pytester) -> None:
    line = write(
        pytester,
        """
        import asyncio

        async def forever():
            await asyncio.sleep(3600)

        async def heartbeat():
            await asyncio.sleep(3600)

        class TestService:
            async def test_method_leaks(self):
                asyncio.create_task(forever())  # the leaky spawn

            async def test_heartbeat_is_expected(self):
                asyncio.create_task(heartbeat())
        """,
        ini="asyncio_mode = auto\ntaskleak_ignore =\n    heart*\n    nothing-else\n",
    )
    result = run(pytester, "--taskleak")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines([f"*created at test_app.py:{line} in *test_method_leaks*"])


def test_garbage_collection_after_each_test_can_be_turned_off(pytester: pytest.Pytester) -> None:
    source = """
        import asyncio
        import pytest

        async def orphan():
            await asyncio.get_running_loop().create_future()

        @pytest.mark.asyncio
        async def test_drops_a_task():
            asyncio.create_task(orphan())
            await asyncio.sleep(0)
        """
    write(pytester, source)
    collected = run(pytester, "--taskleak")
    collected.assert_outcomes(passed=1, errors=1)
    collected.stdout.fnmatch_lines(["  - * running orphan() was destroyed while pending, *"])
    write(pytester, source, ini="taskleak_gc = false\n")
    uncollected = run(pytester, "--taskleak")
    uncollected.assert_outcomes(passed=1, errors=1)  # still pending: reported
    uncollected.stdout.fnmatch_lines(["  - * running orphan(), created at *, waiting at *"])

"""The plugin's closing line (a clean run shows the check ran, on how many tests), serially and
under pytest-xdist, and its `taskleak_internal_packages` ini setting."""

from __future__ import annotations

import pytest
from test_runtime_plugin import LEAKY, run, write

pytest_plugins = ["pytester"]

CLEAN = """
import asyncio
import pytest

@pytest.mark.asyncio
@pytest.mark.parametrize("n", [1, 2, 3])
async def test_clean(n):
    await asyncio.create_task(asyncio.sleep(0))

@pytest.mark.asyncio
@pytest.mark.taskleak_allow
async def test_exempted():
    asyncio.create_task(asyncio.sleep(3600))

def test_sync():
    pass
"""

CLEAN_LINE = (
    "taskleak: 3 async tests checked after their teardown, none left a task running; "
    "1 not checked (@pytest.mark.taskleak_allow)"
)


def test_a_clean_run_says_the_check_ran_and_on_how_many_tests(pytester: pytest.Pytester) -> None:
    write(pytester, CLEAN)
    result = run(pytester, "--taskleak", "-q")
    result.assert_outcomes(passed=5)
    result.stdout.fnmatch_lines([CLEAN_LINE])
    assert "tasks left running by tests" not in result.stdout.str()  # no section: nothing leaked


def test_the_line_counts_the_tests_that_leaked_and_names_the_check_time(
    pytester: pytest.Pytester,
) -> None:
    write(pytester, LEAKY)
    result = run(pytester, "--taskleak")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*taskleak: tasks left running by tests*",
            "test_app.py::test_leaks: 1 task leaked:",
            "taskleak: 2 async tests checked after their teardown, 1 left tasks running",
        ]
    )
    called = run(pytester, "--taskleak", "--taskleak-when", "call")
    called.stdout.fnmatch_lines(
        ["taskleak: 2 async tests checked at the end of their body, 1 left tasks running"]
    )


def test_off_there_is_no_line(pytester: pytest.Pytester) -> None:
    write(pytester, CLEAN)
    result = run(pytester, "-q")
    result.assert_outcomes(passed=5)
    assert "taskleak:" not in result.stdout.str()


def test_under_xdist_the_controller_adds_up_the_workers_counts(pytester: pytest.Pytester) -> None:
    pytest.importorskip("xdist", reason="pytest-xdist is not installed (in the test extra)")
    write(pytester, CLEAN)
    result = run(pytester, "--taskleak", "-q", "-n", "2")
    result.assert_outcomes(passed=5)
    # each worker ran some of the tests; the one line counts them all, once
    assert result.stdout.str().count("taskleak: ") == 1, result.stdout.str()
    result.stdout.fnmatch_lines([CLEAN_LINE])


SPAWN_HELPER = """
import asyncio

def spawn(coro):
    return asyncio.create_task(coro)  # the helper's spawn
"""

LEAKS_THROUGH_THE_HELPER = """
import asyncio
import pytest
from tl_app.spawning import spawn

async def forever():
    await asyncio.sleep(3600)

@pytest.mark.asyncio
async def test_leaks():
    spawn(forever())  # the leaky spawn
"""


def test_internal_packages_from_the_ini_put_sites_on_the_helpers_callers(
    pytester: pytest.Pytester,
) -> None:
    package = pytester.mkpydir("tl_app")
    (package / "spawning.py").write_text(SPAWN_HELPER)
    line = write(pytester, LEAKS_THROUGH_THE_HELPER)
    helper_line = SPAWN_HELPER.splitlines().index(
        "    return asyncio.create_task(coro)  # the helper's spawn") + 1
    # a subprocess: the setting changes a process-wide list of internal packages
    before = pytester.runpytest_subprocess("-p", "no:hypothesispytest", "--taskleak")
    before.stdout.fnmatch_lines([f"*created at tl_app/spawning.py:{helper_line} in spawn*"])

    write(pytester, LEAKS_THROUGH_THE_HELPER, ini="taskleak_internal_packages = tl_app.spawning\n")
    after = pytester.runpytest_subprocess("-p", "no:hypothesispytest", "--taskleak", "-W",
                                          "error::pytest.PytestConfigWarning")
    after.assert_outcomes(passed=1, errors=1)
    after.stdout.fnmatch_lines([f"*created at test_app.py:{line} in test_leaks*"])
    assert "tl_app/spawning.py" not in after.stdout.str()


def test_an_internal_package_that_cannot_be_imported_is_named_in_a_warning(
    pytester: pytest.Pytester,
) -> None:
    # a warning even where warnings are errors: as an error it would stop the collection
    write(pytester, CLEAN, ini="taskleak_internal_packages =\n    tl_no_such_package\n"
          "filterwarnings =\n    error\n")
    result = pytester.runpytest_subprocess("-p", "no:hypothesispytest", "--taskleak")
    result.assert_outcomes(passed=5, warnings=1)
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()
    result.stdout.fnmatch_lines(
        [
            "*PytestConfigWarning: taskleak_internal_packages: no module or package named "
            "'tl_no_such_package' can be imported; tasks its code creates keep its lines as "
            "their creation sites",
        ]
    )


# stands in for trio's runner (pytest-trio, anyio's trio backend): it runs the test's coroutine
# itself, on no asyncio loop
FOREIGN_RUNNER = """
import pytest

def pytest_configure(config):
    config.addinivalue_line("markers", "foreign: run by a loop that is not asyncio's")

@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    if pyfuncitem.get_closest_marker("foreign") is None:
        return None
    try:
        pyfuncitem.obj().send(None)
    except StopIteration:
        return True
    raise AssertionError("the foreign test awaited something")
"""

SKIPPED_AND_FOREIGN = """
import asyncio
import pytest

@pytest.mark.asyncio(loop_scope="session")
async def test_on_the_session_loop():  # its loop stays open for the tests below
    await asyncio.sleep(0)

@pytest.mark.asyncio
@pytest.mark.parametrize("n", [1, 2])
async def test_clean(n):
    await asyncio.create_task(asyncio.sleep(0))

@pytest.mark.asyncio
@pytest.mark.xfail(strict=True)
async def test_xfails():
    await asyncio.sleep(0)
    assert False

@pytest.mark.asyncio
@pytest.mark.skip(reason="not today")
async def test_skipped():
    pass

@pytest.mark.asyncio
async def test_skips_itself():
    pytest.skip("not here")

@pytest.mark.foreign
async def test_on_another_loop():
    pass
"""


@pytest.mark.parametrize(
    ("when", "words"), [("teardown", "after their teardown"), ("call", "at the end of their body")]
)
def test_only_tests_that_ran_on_an_asyncio_loop_are_counted(
    pytester: pytest.Pytester, when: str, words: str
) -> None:
    write(pytester, SKIPPED_AND_FOREIGN)
    pytester.makeconftest(FOREIGN_RUNNER)
    result = run(pytester, "--taskleak", "--taskleak-when", when, "-q")
    result.assert_outcomes(passed=4, xfailed=1, skipped=2)
    # the session loop's test, the two clean ones and the xfailed one; not the skipped two nor
    # the one another runner ran (while an asyncio loop was open)
    line = f"taskleak: 4 async tests checked {words}, none left a task running"
    result.stdout.fnmatch_lines([line])

"""pytest plugin: every async test must not leave tasks running (off unless asked for).

Turn it on with `pytest --taskleak` or `taskleak = true` in the pytest ini section. Each async
test (pytest-asyncio, anyio on asyncio, `unittest.IsolatedAsyncioTestCase`) is watched from the
start of its setup to the end of its teardown: a task it started that is still pending once its
fixtures are torn down, and before its event loop's runner cancels what is left, is a leak
(`taskleak_when = call` checks at the end of the test body instead, as taskleak did before). A
leaking test errors at teardown (or warns, with `taskleak_action = warn`); a test that failed
keeps its own failure and gets a "taskleak" report section. The run ends with one line that
counts the async tests checked and those that leaked, a clean run too.

    @pytest.mark.taskleak_allow                    # do not check this test
    @pytest.mark.taskleak_allow("heartbeat*")      # tasks it may leave (globs, like ignore)
    @pytest.mark.taskleak_allow(max_leaked=1)      # how many it may leave

Its settings are read in `taskleak.pytest_settings`; `taskleak_internal_packages` (ini) names
the project's own spawn helpers, as `taskleak.runtime.add_internal_packages` does. When off, the
plugin only registers its options and marker: no hook runs per test.
"""

from __future__ import annotations

import pytest

from taskleak.pytest_settings import ACTIONS, MARKER, WHEN, PluginSettings

_NAME = "taskleak-runtime"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("taskleak", "taskleak: asyncio tasks left running by tests")
    group.addoption(
        "--taskleak",
        action="store_true",
        default=None,
        help="check every async test for tasks it leaves running (ini: taskleak = true)",
    )
    group.addoption(
        "--no-taskleak", action="store_false", dest="taskleak", help="turn the check off"
    )
    group.addoption(
        "--taskleak-report",
        metavar="FILE",
        default=None,
        help="write the leaked tasks' creation sites to FILE, a JSON runtime report that "
        "`taskleak check --runtime-report FILE` joins to its findings",
    )
    group.addoption(
        "--taskleak-action",
        choices=ACTIONS,
        default=None,
        help="fail the test (default) or only warn when it leaks tasks",
    )
    group.addoption(
        "--taskleak-when",
        choices=WHEN,
        default=None,
        help="check after the test's fixtures are torn down (default) or at the end of its body",
    )
    _add_ini_settings(parser)


def _add_ini_settings(parser: pytest.Parser) -> None:
    parser.addini("taskleak", "check async tests for leaked tasks", type="bool", default=False)
    parser.addini(
        "taskleak_when",
        "teardown (default: after fixture teardown, before the loop closes) or call",
        default="teardown",
    )
    parser.addini("taskleak_action", "fail (default) or warn", default="fail")
    parser.addini(
        "taskleak_grace",
        "seconds to wait after a test for its tasks to finish (default 0)",
        default="0",
    )
    parser.addini(
        "taskleak_ignore",
        "globs on task name, coroutine qualname or module of tasks that may linger",
        type="linelist",
        default=[],
    )
    parser.addini("taskleak_report", "JSON runtime report file to write", default="")
    parser.addini(
        "taskleak_gc",
        "collect garbage when a test left a task pending, to tell destroyed tasks (default true)",
        type="bool",
        default=True,
    )
    parser.addini(
        "taskleak_internal_packages",
        "modules or packages (one per line) whose frames are not creation sites, such as the "
        "project's own spawn helpers: the sites land on their callers",
        type="linelist",
        default=[],
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(*patterns, max_leaked=0): let this test leave tasks matching the globs "
        "(no argument: do not check it) for the taskleak plugin",
    )
    enabled = config.getoption("taskleak")
    if enabled is None:
        enabled = config.getini("taskleak")
    if enabled:
        worker_id = getattr(config, "workerinput", {}).get("workerid")
        from taskleak.runtime.checks import TaskLeakPlugin

        plugin = TaskLeakPlugin(PluginSettings.from_config(config), worker_id)
        config.pluginmanager.register(plugin, _NAME)

"""pytest plugin: every async test must not leave tasks running (off unless asked for).

Turn it on with `pytest --taskleak` or `taskleak = true` in the pytest ini section. Each async
test (pytest-asyncio, anyio on asyncio, `unittest.IsolatedAsyncioTestCase`) is watched from the
start of its setup to the end of its teardown: a task it started that is still pending once its
fixtures are torn down, and before its event loop's runner cancels what is left, is a leak
(`taskleak_when = call` checks at the end of the test body instead, as taskleak did before). A
leaking test errors at teardown (or warns, with `taskleak_action = warn`); a test that failed
keeps its own failure and gets a "taskleak" report section.

    @pytest.mark.taskleak_allow                    # do not check this test
    @pytest.mark.taskleak_allow("heartbeat*")      # tasks it may leave (globs, like ignore)
    @pytest.mark.taskleak_allow(max_leaked=1)      # how many it may leave

When off, the plugin only registers its options and marker: no hook runs per test.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from taskleak.records import record

if TYPE_CHECKING:
    pass

MARKER = "taskleak_allow"
ACTIONS = ("fail", "warn")
WHEN = ("teardown", "call")

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

        plugin = TaskLeakPlugin(_Settings.from_config(config), worker_id)
        config.pluginmanager.register(plugin, _NAME)


_NAME = "taskleak-runtime"


@record(frozen=True)
class _Settings:
    action: str
    grace: float
    ignore: tuple[str, ...]
    report: Path | None
    collect_garbage: bool = True
    when: str = "teardown"

    @classmethod
    def from_config(cls, config: pytest.Config) -> _Settings:
        action = config.getoption("taskleak_action") or str(config.getini("taskleak_action"))
        if action not in ACTIONS:
            raise pytest.UsageError(f"taskleak_action must be fail or warn, got {action!r}")
        raw_grace = str(config.getini("taskleak_grace")).strip() or "0"
        try:
            grace = float(raw_grace)
        except ValueError:
            grace = -1.0
        if not grace >= 0:  # also rejects nan
            raise pytest.UsageError(
                f"taskleak_grace must be a number of seconds >= 0, got {raw_grace!r}"
            )
        ignore = tuple(str(x) for x in config.getini("taskleak_ignore"))
        report: Path | None = None
        cli_report = config.getoption("taskleak_report")
        ini_report = str(config.getini("taskleak_report")).strip()
        if cli_report:
            report = config.invocation_params.dir / cli_report
        elif ini_report:
            base = config.inipath.parent if config.inipath else config.rootpath
            report = base / ini_report
        when = config.getoption("taskleak_when") or str(config.getini("taskleak_when")).strip()
        if when not in WHEN:
            raise pytest.UsageError(f"taskleak_when must be teardown or call, got {when!r}")
        return cls(action, grace, ignore, report, bool(config.getini("taskleak_gc")), when)



"""pytest plugin: every async test must not leave tasks running (off unless asked for).

Turn it on with `pytest --taskleak` or `taskleak = true` in the pytest ini section. Each async
test (pytest-asyncio or anyio) then runs inside a tracker: after the test body the loop turns,
garbage is collected, and every task the test started that is still pending (or was destroyed
while pending) is reported with its creation site, before pytest-asyncio or anyio cancel it.
A test that otherwise passed fails (or warns, with `taskleak_action = warn`); a test that failed
keeps its own failure and gets a "taskleak" report section.

    @pytest.mark.taskleak_allow                    # do not check this test
    @pytest.mark.taskleak_allow("heartbeat*")      # tasks it may leave (globs, like ignore)
    @pytest.mark.taskleak_allow(max_leaked=1)      # how many it may leave

When off, the plugin only registers its options and marker: no hook runs per test.
"""

from __future__ import annotations

import asyncio
import functools
import glob
import inspect
import warnings
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from taskleak.runtime.leaks import IgnoreRule, LeakedTask

MARKER = "taskleak_allow"
ACTIONS = ("fail", "warn")

# Tasks the test runners themselves keep: pytest-asyncio's and anyio's runner and fixture
# tasks, and the loop's async-generator finaliser tasks.
DEFAULT_PLUGIN_IGNORE: tuple[str, ...] = (
    "async_generator_athrow",
    "pytest_asyncio.*",
    "anyio._backends.*",
    "anyio.pytest_plugin.*",
    "_pytest.*",
)


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
    parser.addini("taskleak", "check async tests for leaked tasks", type="bool", default=False)
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
        "collect garbage after each test to catch tasks destroyed while pending (default true)",
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
        plugin = TaskLeakPlugin(_Settings.from_config(config), worker_id)
        config.pluginmanager.register(plugin, _NAME)


_NAME = "taskleak-runtime"


@dataclass(frozen=True)
class _Settings:
    action: str
    grace: float
    ignore: tuple[str, ...]
    report: Path | None
    collect_garbage: bool = True

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
        return cls(action, grace, ignore, report, bool(config.getini("taskleak_gc")))


@dataclass
class _TestLeaks:
    leaks: list[LeakedTask] = field(default_factory=list)


class TaskLeakPlugin:
    """Registered only when the check is on."""

    def __init__(self, settings: _Settings, worker_id: str | None = None) -> None:
        self.settings = settings
        self.worker_id = worker_id  # set in a pytest-xdist worker process
        self.by_test: dict[str, list[LeakedTask]] = {}
        self.from_workers = 0

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, object, object]:
        test = getattr(item, "obj", None)
        if (
            not isinstance(item, pytest.Function)
            or not inspect.iscoroutinefunction(test)
            or hasattr(test, "hypothesis")  # hypothesis wraps the inner test itself
        ):
            return (yield)
        allowed = _allowance(item)
        if allowed is None:  # @taskleak_allow with no argument: not checked
            return (yield)
        patterns, max_leaked = allowed
        ignore: list[IgnoreRule] = [*DEFAULT_PLUGIN_IGNORE, *self.settings.ignore, *patterns]
        found = _TestLeaks()
        item.obj = _tracked(test, found, ignore, self.settings)
        try:
            result = yield
        except BaseException:
            if found.leaks:
                self._record(item, found.leaks)
                item.add_report_section("call", "taskleak", _format(found.leaks, max_leaked))
            raise
        finally:
            item.obj = test
        if found.leaks:
            self._record(item, found.leaks)
        if len(found.leaks) > max_leaked:
            message = _format(found.leaks, max_leaked)
            if self.settings.action == "warn":
                from taskleak.runtime.track import TaskLeakWarning

                item.warn(TaskLeakWarning(f"{item.nodeid}: {message}"))
            else:
                pytest.fail(message, pytrace=False)
        return result

    def _record(self, item: pytest.Item, leaks: list[LeakedTask]) -> None:
        self.by_test[item.nodeid] = leaks

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        if self.settings.report is not None and self.worker_id is None:
            for stale in _worker_reports(self.settings.report):  # from an earlier run
                stale.unlink(missing_ok=True)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        report = self.settings.report
        if report is None:
            return
        from taskleak.runtime.report import (
            RuntimeLeak,
            RuntimeReportError,
            load_runtime_report,
            write_runtime_report,
        )

        leaks: list[LeakedTask | RuntimeLeak] = [
            leak for leaks in self.by_test.values() for leak in leaks
        ]
        if self.worker_id is not None:  # a pytest-xdist worker: the controller merges its file
            write_runtime_report(report.with_name(f"{report.name}.{self.worker_id}"), leaks)
            return
        parts = _worker_reports(report)
        for part in parts:
            try:
                from_worker = load_runtime_report(part)
            except RuntimeReportError as exc:
                warnings.warn(pytest.PytestWarning(f"taskleak: {exc}"), stacklevel=1)
                continue
            leaks.extend(from_worker)
            self.from_workers += sum(leak.count for leak in from_worker)
        write_runtime_report(report, leaks)
        for part in parts:
            part.unlink(missing_ok=True)

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.by_test and self.settings.report is None:
            return
        terminalreporter.write_sep("-", "taskleak: tasks left running by tests")
        for nodeid, leaks in self.by_test.items():
            terminalreporter.write_line(f"{nodeid}: {_format(leaks, None)}")
        if self.from_workers:
            terminalreporter.write_line(f"{self.from_workers} leaked tasks in worker processes")
        elif not self.by_test:
            terminalreporter.write_line("no test left a task running")
        if self.settings.report is not None:
            terminalreporter.write_line(f"runtime report: {self.settings.report}")


def _worker_reports(report: Path) -> list[Path]:
    """The per-worker report files pytest-xdist workers wrote next to `report`."""
    return sorted(report.parent.glob(f"{glob.escape(report.name)}.gw*"))


def _allowance(item: pytest.Function) -> tuple[tuple[str, ...], int] | None:
    """(extra ignore globs, max leaked) from the marker; None when the test is not checked."""
    marker = item.get_closest_marker(MARKER)
    if marker is None:
        return ((), 0)
    if not marker.args and not marker.kwargs:
        return None
    unknown = set(marker.kwargs) - {"max_leaked"}
    max_leaked = marker.kwargs.get("max_leaked", 0)
    bad_args = [a for a in marker.args if not isinstance(a, str)]
    if (
        unknown
        or bad_args
        or isinstance(max_leaked, bool)
        or not isinstance(max_leaked, int)
        or max_leaked < 0
    ):
        pytest.fail(
            f"{MARKER} takes glob strings and max_leaked=<int >= 0>; got "
            f"args={marker.args!r} kwargs={marker.kwargs!r}",
            pytrace=False,
        )
    return (tuple(marker.args), max_leaked)


def _tracked(
    test: Callable[..., Awaitable[Any]],
    found: _TestLeaks,
    ignore: list[IgnoreRule],
    settings: _Settings,
) -> Callable[..., Awaitable[Any]]:
    """The test function, run inside a tracker on whatever loop runs it."""
    from taskleak.runtime.track import Tracker

    @functools.wraps(test)
    async def run_tracked(*args: Any, **kwargs: Any) -> Any:
        __tracebackhide__ = True
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not asyncio (anyio on trio): nothing to track
            return await test(*args, **kwargs)
        tracker = Tracker(
            grace=settings.grace, ignore=ignore, collect_garbage=settings.collect_garbage
        )
        tracker.begin(loop)
        try:
            result = await test(*args, **kwargs)
        except Exception:
            await tracker.settle()
            found.leaks = tracker.finish()
            raise
        except BaseException:  # cancelled or interrupted: no more awaiting
            found.leaks = tracker.finish()
            raise
        await tracker.settle()
        found.leaks = tracker.finish()
        return result

    return run_tracked


def _format(leaks: list[LeakedTask], max_leaked: int | None) -> str:
    from taskleak.runtime.leaks import format_leaks

    text = format_leaks(leaks, max_leaked or 0)
    if max_leaked is None:  # the summary: drop the "(allowed: N)" of a single test
        text = text.replace(" (allowed: 0)", "", 1)
    return text

"""The checks the pytest plugin runs (imported only when `--taskleak` is on).

`taskleak.pytest_plugin` registers the options and the marker (`taskleak.pytest_settings` reads
them); `TaskLeakPlugin` here does the work: in teardown mode (the default) a `TestWatch` per
test, from the start of its setup to the end of its teardown, told by `RunnerHooks` of each loop
a runner makes and is about to close; in call mode a tracker around the test body. Leaks become
a teardown error (or a warning), a report section when the test failed by itself, a summary line
(carried to the xdist controller in the report's user properties) and the runtime report file;
every run ends with one line that counts the tests checked (`runtime/tally.py`).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import warnings
import weakref
from collections.abc import Awaitable, Callable, Generator
from dataclasses import field
from typing import TYPE_CHECKING, Any

import pytest

from taskleak.records import record
from taskleak.runtime.leaks import IgnoreRule, LeakedTask, format_leaks
from taskleak.runtime.tally import CheckedTests
from taskleak.runtime.test_items import allowance, is_async_test, worker_reports

if TYPE_CHECKING:
    from taskleak.pytest_settings import PluginSettings
    from taskleak.runtime.runners import RunnerHooks
    from taskleak.runtime.watch import TestWatch

_PROPERTY = "taskleak"  # the user property that carries a test's leaks (and crosses xdist)

# Tasks the test runners themselves keep: pytest-asyncio's and anyio's runner and fixture
# tasks, and the loop's async-generator finaliser tasks.
DEFAULT_PLUGIN_IGNORE: tuple[str, ...] = (
    "async_generator_athrow",
    "pytest_asyncio.*",
    "anyio._backends.*",
    "anyio.pytest_plugin.*",
    "_pytest.*",
)


@record
class _TestLeaks:
    leaks: list[LeakedTask] = field(default_factory=list)
    ran: bool = False  # the test body ran on an asyncio loop


class TaskLeakPlugin:
    """Registered only when the check is on."""

    def __init__(self, settings: PluginSettings, worker_id: str | None = None) -> None:
        self.settings = settings
        self.worker_id = worker_id  # set in a pytest-xdist worker process
        self.by_test: dict[str, list[LeakedTask]] = {}  # this process's, for the report file
        self.lines: dict[str, str] = {}  # every process's, for the summary
        self.filter_errors = 0  # warn-mode leaks that filterwarnings made errors
        self.tally = CheckedTests()  # this process's, plus every xdist worker's at the controller
        self._watch: TestWatch | None = None
        self._allowed = 0
        self._call_failed = False
        # the test in progress, for the closing count: exempted by the marker, or run on an
        # asyncio loop (not skipped, not on trio) and so checked
        self._exempt = False
        self._ran = False
        self._skipped = False
        self._loops: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()
        self._hooks: RunnerHooks | None = None
        if settings.when == "teardown":
            from taskleak.runtime.runners import RunnerHooks

            self._hooks = RunnerHooks(self._loop_made, self._loop_closing)
            self._hooks.patch()

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        if self._hooks is not None:
            self._hooks.unpatch()

    # -- teardown mode: from the start of setup to the end of teardown ----------------------

    def _loop_made(self, loop: asyncio.AbstractEventLoop) -> None:
        if loop in self._loops:
            return
        from taskleak.runtime.factory import install

        install(loop)
        self._loops.add(loop)
        if self._watch is not None:
            self._watch.watch(loop)

    def _loop_closing(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loops.discard(loop)
        if self._watch is not None:
            self._watch.check(loop)

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> Generator[None, object, object]:
        if self._hooks is not None and is_async_test(item):
            allowed = allowance(item)  # type: ignore[arg-type]
            self._exempt = allowed is None
            if allowed is not None:
                from taskleak.runtime.watch import TestWatch

                patterns, self._allowed = allowed
                self._watch = TestWatch(
                    ignore=[*DEFAULT_PLUGIN_IGNORE, *self.settings.ignore, *patterns],
                    grace=self.settings.grace,
                    collect_garbage=self.settings.collect_garbage,
                )
                self._call_failed = False
                for loop in list(self._loops):
                    self._watch.watch(loop)
        return (yield)

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(
        self, fixturedef: pytest.FixtureDef[Any], request: pytest.FixtureRequest
    ) -> Generator[None, object, object]:
        watch = self._watch
        if watch is None or fixturedef.scope == "function":
            return (yield)
        before = watch.tasks_now()  # a wider fixture's tasks outlive the test by design
        try:
            return (yield)
        finally:
            watch.exclude_new(before)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        if report.when == "call" and report.failed:
            self._call_failed = True
        if report.skipped and not hasattr(report, "wasxfail"):  # an xfailed test did run
            self._skipped = True
        return report

    def pytest_runtest_logstart(self, nodeid: str, location: object) -> None:
        self._exempt = self._ran = self._skipped = False

    def pytest_runtest_logfinish(self, nodeid: str, location: object) -> None:
        # at the end, when the outcome is known: a skipped test or one run on another library's
        # loop was not checked (under xdist only the worker that ran the test sets these)
        if self._exempt:
            self.tally.count(False)
        elif self._ran and not self._skipped:
            self.tally.count(True)

    @pytest.hookimpl(wrapper=True, tryfirst=True)
    def pytest_runtest_teardown(
        self, item: pytest.Item, nextitem: pytest.Item | None
    ) -> Generator[None, object, object]:
        watch = self._watch
        if watch is None:
            return (yield)
        try:
            result = yield
        except BaseException:
            self._watch = None
            leaks = watch.finish()
            self._ran = watch.ran
            if leaks:
                self._record(item, leaks)
                item.add_report_section("teardown", "taskleak", self._message(leaks))
            raise
        self._watch = None
        leaks = watch.finish()
        self._ran = watch.ran
        if leaks:
            self._record(item, leaks)
        if len(leaks) > self._allowed:
            self._act(item, leaks, self._allowed, own_failure=self._call_failed)
        return result

    # -- call mode: at the end of the test body ---------------------------------------------

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, object, object]:
        test = getattr(item, "obj", None)
        if (
            self._hooks is not None
            or not isinstance(item, pytest.Function)
            or not inspect.iscoroutinefunction(test)
            or hasattr(test, "hypothesis")  # hypothesis wraps the inner test itself
        ):
            return (yield)
        allowed = allowance(item)
        self._exempt = allowed is None
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
                item.add_report_section("call", "taskleak", self._message(found.leaks))
            raise
        finally:
            item.obj = test
            self._ran = found.ran
        if found.leaks:
            self._record(item, found.leaks)
        if len(found.leaks) > max_leaked:
            self._act(item, found.leaks, max_leaked, own_failure=False)
        return result

    # -- the verdict ----------------------------------------------------------------------------

    def _message(self, leaks: list[LeakedTask], max_leaked: int = 0) -> str:
        from taskleak.runtime.advice import remedies

        return f"{_format(leaks, max_leaked)}\n{remedies(leaks, self.settings.when)}"

    def _act(
        self, item: pytest.Item, leaks: list[LeakedTask], max_leaked: int, own_failure: bool
    ) -> None:
        message = self._message(leaks, max_leaked)
        if own_failure:  # the test's own failure comes first
            item.add_report_section("teardown", "taskleak", message)
            return
        if self.settings.action == "fail":
            pytest.fail(message, pytrace=False)
        from taskleak.runtime.advice import FILTERED_TO_ERROR
        from taskleak.runtime.track import TaskLeakWarning

        try:
            item.warn(TaskLeakWarning(f"{item.nodeid}: {message}"))
        except TaskLeakWarning:  # filterwarnings = error made the warning an exception
            self.filter_errors += 1
        else:
            return
        # failed outside the except block: inside it, the warning (the same message) would be
        # the failure's context and print first
        pytest.fail(f"{message}\n{FILTERED_TO_ERROR}", pytrace=False)

    def _record(self, item: pytest.Item, leaks: list[LeakedTask]) -> None:
        self.by_test[item.nodeid] = leaks
        item.user_properties.append((_PROPERTY, _format(leaks, None)))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for key, value in report.user_properties:
            if key == _PROPERTY and isinstance(value, str):
                self.lines[report.nodeid] = value

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        if self.settings.report is not None and self.worker_id is None:
            for stale in worker_reports(self.settings.report):  # from an earlier run
                stale.unlink(missing_ok=True)

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        # after collection, not at configure time: the test modules are imported then and the
        # project is on sys.path, so the names resolve as the tests import them
        if not self.settings.internal_packages:
            return
        from taskleak.runtime.sites import add_internal_packages

        for name in add_internal_packages(*self.settings.internal_packages):
            # always shown as a warning: made an error by `filterwarnings = error`, it would
            # stop the collection with an INTERNALERROR (serially and under xdist alike)
            with warnings.catch_warnings():
                warnings.simplefilter("always", pytest.PytestConfigWarning)
                warnings.warn(
                    pytest.PytestConfigWarning(
                        f"taskleak_internal_packages: no module or package named {name!r} can "
                        "be imported; tasks its code creates keep its lines as their creation "
                        "sites"
                    ),
                    stacklevel=1,
                )

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node: Any, error: object) -> None:
        """pytest-xdist's controller: a worker finished; add the tests it checked."""
        self.tally.add(getattr(node, "workeroutput", {}).get(_PROPERTY))

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self._watch is not None:  # interrupted mid-test
            self._watch.close()
            self._watch = None
        workeroutput = getattr(session.config, "workeroutput", None)
        if isinstance(workeroutput, dict):  # a pytest-xdist worker: the controller adds it up
            workeroutput[_PROPERTY] = self.tally.to_json()
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
        parts = worker_reports(report)
        for part in parts:
            try:
                leaks.extend(load_runtime_report(part))
            except RuntimeReportError as exc:
                warnings.warn(pytest.PytestWarning(f"taskleak: {exc}"), stacklevel=1)
        write_runtime_report(report, leaks)
        for part in parts:
            part.unlink(missing_ok=True)

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.lines:
            terminalreporter.write_sep("-", "taskleak: tasks left running by tests")
            for nodeid, text in self.lines.items():
                terminalreporter.write_line(f"{nodeid}: {text}")
        if self.filter_errors:
            from taskleak.runtime.advice import FILTERED_TO_ERROR

            terminalreporter.write_line(FILTERED_TO_ERROR)
        # always one line, a clean run too, as pytest-cov and pytest-xdist print theirs: the
        # check ran, on how many tests
        terminalreporter.write_line(self.tally.line(len(self.lines), self.settings.when))
        if self.settings.report is not None:
            terminalreporter.write_line(f"runtime report: {self.settings.report}")


def _tracked(
    test: Callable[..., Awaitable[Any]],
    found: _TestLeaks,
    ignore: list[IgnoreRule],
    settings: PluginSettings,
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
        found.ran = True
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
    text = format_leaks(leaks, max_leaked or 0)
    if max_leaked is None:  # the summary: drop the "(allowed: N)" of a single test
        text = text.replace(" (allowed: 0)", "", 1)
    return text

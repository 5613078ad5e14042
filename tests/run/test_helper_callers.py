"""The helper round: a project's spawn helper judged at its callers in other modules."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import check_paths

from taskleak.report.json import render_json
from taskleak.run.helper_callers import module_name
from taskleak.run.runner import RunStats

HELPER = '''import asyncio


def start(coro):
    return asyncio.create_task(coro)
'''
KEEPING_HELPER = '''import asyncio

_tasks = set()


def start(coro):
    task = asyncio.create_task(coro)
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)
    return task


def stop():
    for task in _tasks:
        task.cancel()
'''
CALLER = '''from app.util import start


async def ping():
    pass


class Pinger:
    def open(self):
        self._pinger = start(ping())
'''


def _project(root: Path, helper: str = HELPER) -> Path:
    (root / "app").mkdir(parents=True)
    (root / "app" / "__init__.py").write_text("")
    (root / "app" / "util.py").write_text(helper)
    (root / "app" / "pinger.py").write_text(CALLER)
    for path in root.rglob("*.py"):  # older than the racy window: the stat cache trusts them
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns - 60 * 10**9, st.st_mtime_ns - 60 * 10**9))
    return root


def _rows(root: Path, cache_dir: Path) -> tuple[list[tuple[str, int, str, str]], RunStats]:
    stats = RunStats()
    # a case of this repository is a program of its own: no context from the repository
    result = check_paths([root], cache_dir=cache_dir, stats=stats, project_context=False)
    doc = json.loads(render_json(result))
    return [(Path(f["path"]).name, f["line"], f["risk"], f["message"])
            for f in doc["findings"]], stats


def test_module_name_follows_the_package_folders(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "sub" / "__init__.py").write_text("")
    assert module_name(str(tmp_path / "pkg" / "sub" / "mod.py")) == "pkg.sub.mod"
    assert module_name(str(tmp_path / "pkg" / "sub" / "__init__.py")) == "pkg.sub"
    assert module_name(str(tmp_path / "script.py")) == "script"


def test_a_caller_without_spawns_is_judged_and_a_warm_run_parses_nothing(
        tmp_path: Path) -> None:
    root = _project(tmp_path / "p")
    cache_dir = tmp_path / "cache"
    cold, cold_stats = _rows(root, cache_dir)
    assert ("pinger.py", 10, "medium",
            "self._pinger is never awaited or cancelled") in cold
    assert cold_stats.helped == 1
    warm, warm_stats = _rows(root, cache_dir)
    assert warm == cold
    assert (warm_stats.helped, warm_stats.analysed, warm_stats.answering) == (0, 0, 0)


def test_a_changed_promise_analyses_the_caller_again(tmp_path: Path) -> None:
    """The caller's cached facts depend on the helper's promise, not only on its own bytes."""
    root = _project(tmp_path / "p")
    cache_dir = tmp_path / "cache"
    _rows(root, cache_dir)
    (root / "app" / "util.py").write_text(KEEPING_HELPER)
    rows, stats = _rows(root, cache_dir)
    assert stats.helped == 1
    # the helper keeps and ends the task now: the call is no row (the helper's spawn is)
    assert [r[:2] for r in rows] == [("util.py", 7)]


def test_a_call_through_a_typed_attribute_is_placed_in_the_first_pass(tmp_path: Path) -> None:
    """The speed trick of `ModuleAnalysis.facts`: a dropped call through another object's
    attribute gets its position while the tree is at hand, so the row it becomes needs no
    second parse of its module (`RunStats.placed`). (The case's hub keeps and ends its task,
    so that call is no row: here the hub only returns it, and the call that drops it is.)"""
    case = Path(__file__).parents[1] / "project" / "cases" / \
        "helper_called_through_a_typed_attribute"
    root = tmp_path / "p"
    (root / "hub").mkdir(parents=True)
    for path in (case / "hub").glob("*.py"):
        (root / "hub" / path.name).write_text(path.read_text())
    core = root / "hub" / "core.py"
    core.write_text(core.read_text().replace(
        "        self._tasks.add(task)\n        task.add_done_callback(self._tasks.discard)\n", ""))
    rows, stats = _rows(root, tmp_path / "cache")
    assert ("light.py", 18, "high", "the task spawn() returns is discarded here") in rows
    assert stats.placed == 0


def test_a_call_through_a_typed_local_is_placed_in_the_first_pass(tmp_path: Path) -> None:
    """The same for a call through a typed local or parameter (`pool.release(conn)` with
    `pool: Pool`): placed later, homeassistant's 20 such rows parsed 15 modules again (+0.5 s
    cold); placed in the first pass, +0.17 s (bench/run.py medians, 2.61-2.62 -> 2.78 s)."""
    case = Path(__file__).parents[1] / "project" / "cases" / \
        "returned_task_dropped_through_a_typed_local"
    rows, stats = _rows(case, tmp_path / "cache")
    assert ("engine.py", 14, "high", "the task release() returns is discarded here") in rows
    assert stats.placed == 0


def test_a_forecast_helper_that_is_none_leaves_no_helper_behind(tmp_path: Path) -> None:
    """`history.schedule()` names a spawn and returns, so the forecast takes it for a helper,
    and `route.record(app)`, which calls it with its parameter, looks like one in turn. The
    helper round analyses `route` again without `schedule` (it returns no task), and must then
    judge `record`'s callers without `record` too: its call in `queue` spawns nothing."""
    root = tmp_path / "p"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("")
    (root / "pkg" / "history.py").write_text('''import asyncio


def schedule(app) -> None:
    async def _run() -> None:
        await asyncio.sleep(0)

    tasks = getattr(app, "tasks", None)
    if tasks is None:
        return
    task = asyncio.get_running_loop().create_task(_run())
    tasks.add(task)
    task.add_done_callback(tasks.discard)
''')
    (root / "pkg" / "route.py").write_text('''import asyncio

from pkg import history


def record(app) -> None:
    history.schedule(app)


async def other() -> None:
    await asyncio.create_task(asyncio.sleep(0))
''')
    (root / "pkg" / "queue.py").write_text('''import asyncio

from pkg import route


async def process(app) -> None:
    route.record(app)
    await asyncio.create_task(asyncio.sleep(0))
''')
    rows, _ = _rows(root, tmp_path / "cache")
    # `schedule` keeps and ends the task it spawns: its call in `record` is no row (its spawn,
    # history.py:11, is), and `record`'s in `queue` spawns nothing
    assert sorted((name, line, risk) for name, line, risk, _ in rows) == [
        ("history.py", 11, "low"), ("queue.py", 8, "low"), ("route.py", 11, "low")]


def test_a_caller_anywhere_in_a_wide_project_is_judged(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Across the project, not only in the helper's package: the caller sits in a folder tree
    wider than the answer round reads (`complete.MAX_PACKAGE_FILES`), far from the helper."""
    from taskleak.run import complete
    monkeypatch.setattr(complete, "MAX_PACKAGE_FILES", 3)
    root = tmp_path / "p"
    (root / "app" / "util").mkdir(parents=True)
    (root / "app" / "components" / "ws").mkdir(parents=True)
    for folder in ("app", "app/util", "app/components", "app/components/ws"):
        (root / folder / "__init__.py").write_text("")
    (root / "app" / "util" / "spawn.py").write_text(HELPER)
    for n in range(4):  # unrelated modules: the tree is wider than a package read
        (root / "app" / "components" / f"other{n}.py").write_text("X = 1\n")
    (root / "app" / "components" / "ws" / "proxy.py").write_text(
        CALLER.replace("from app.util import start", "from app.util.spawn import start"))
    rows, stats = _rows(root, tmp_path / "cache")
    assert ("proxy.py", 10, "medium",
            "self._pinger is never awaited or cancelled") in rows
    assert stats.helped == 1


def test_a_file_outside_the_helpers_package_is_a_caller_only_when_it_names_the_package(
        tmp_path: Path) -> None:
    """Another top-level package can call `app.util.start` only through an import naming `app`:
    its own `start()` calls are not the helper's and its files are not parsed for them (a run
    over several projects, each with a helper named like a common word, parsed them all)."""
    root = _project(tmp_path / "p")
    (root / "other").mkdir()
    (root / "other" / "__init__.py").write_text("")
    (root / "other" / "engine.py").write_text(
        "def start(x):\n    return x\n\n\ndef go():\n    start(1)\n")
    (root / "other" / "uses.py").write_text(
        "from app.util import start\n\n\nasync def tick():\n    pass\n\n\n"
        "def go():\n    start(tick())\n")
    rows, stats = _rows(root, tmp_path / "cache")
    assert [r for r in rows if r[0] == "engine.py"] == []
    assert ("uses.py", 9, "high", "the task start() returns is discarded here") in rows
    assert stats.helped == 2  # pinger.py and uses.py, not engine.py


def test_many_helper_names_are_found_as_one_test_per_name_finds_them() -> None:
    from taskleak.run.helper_callers import words_present
    from taskleak.run.prefilter import MAX_NEEDLES
    data = b"from app import start_7\nstart_7(x)  # start_70 is another word\nstart_3x = 1\n"
    few = {"start_7", "start_3", "app"}
    many = few | {f"name_{n}" for n in range(MAX_NEEDLES)}
    assert words_present(data, few) == {"start_7", "app"}
    assert words_present(data, many) == {"start_7", "app"}


OWN_WORK_HELPER = '''import asyncio


class Player:
    def __init__(self) -> None:
        self._idle: asyncio.Task[None] | None = None

    def _start_idle_timer(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
        self._idle = asyncio.create_task(asyncio.sleep(300))

    async def close(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
'''


def test_a_call_of_a_helper_spawning_its_own_work_is_no_row(
        tmp_path: Path) -> None:
    """`_start_idle_timer()` spawns a timer of its own and keeps and ends it: the task is created
    there, the one row (RUBRIC convention 1); its calls are no rows, in a module the run parses
    for its own spawns (radio.py) as in one it does not read (speaker.py)."""
    root = tmp_path / "p"
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("")
    (root / "pkg" / "player.py").write_text(OWN_WORK_HELPER)
    subclass = '''import asyncio

from pkg.player import Player


class Radio(Player):
    async def play(self) -> None:
        self._start_idle_timer()
'''
    (root / "pkg" / "radio.py").write_text(subclass + '''
    async def tune(self) -> None:
        await asyncio.create_task(asyncio.sleep(0))
''')
    (root / "pkg" / "speaker.py").write_text(subclass)
    rows, _ = _rows(root, tmp_path / "cache")
    assert sorted((name, line, message) for name, line, _, message in rows) == [
        ("player.py", 11, "stored in self._idle and cancelled in close() and _start_idle_timer()"),
        ("radio.py", 11, "awaited where it is spawned")]


MANAGER = '''import asyncio


class TaskManager:
    def __init__(self):
        self._tasks = set()

    def create(self, coro):
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task
'''
MANAGER_CALLER = '''from app.util import TaskManager


async def ping():
    while True:
        pass


class Pinger:
    def __init__(self, manager: TaskManager):
        self._manager: TaskManager = manager

    def open(self):
        self._pinger = self._manager.create(ping())
'''


@pytest.mark.parametrize("others", [0, 4])
def test_a_helper_method_is_judged_at_its_callers_in_a_small_package_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, others: int) -> None:
    """A helper method's calls on an instance are searched in its package when the package is
    small (`complete.MAX_PACKAGE_FILES`): there the kept, never ended task is a row at the call;
    in a wider package the method is left to its own module, and its callers elsewhere are not
    parsed for it (homeassistant's core methods cost 488 more files parsed, for no row)."""
    from taskleak.run import complete
    monkeypatch.setattr(complete, "MAX_PACKAGE_FILES", 5)
    root = _project(tmp_path / "p", MANAGER)
    (root / "app" / "pinger.py").write_text(MANAGER_CALLER)
    for n in range(others):  # unrelated modules of the same package
        (root / "app" / f"other{n}.py").write_text("X = 1\n")
    rows, stats = _rows(root, tmp_path / "cache")
    called = ("pinger.py", 14, "medium", "self._pinger is never awaited or cancelled")
    assert (called in rows) == (not others)
    assert stats.helped == (0 if others else 1)

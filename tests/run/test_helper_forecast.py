"""The helper forecast: another module's spawn helpers a file's first analysis carries, so the
helper round need not parse the file again (run/helper_forecast.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import check_paths

from taskleak.cli import main
from taskleak.report.json import render_json
from taskleak.run.helper_forecast import Forecast, imports_in
from taskleak.run.prefilter import prefilter_for
from taskleak.run.runner import RunStats

TASKS = '''import asyncio


def start(coro):
    return asyncio.create_task(coro)


def start_all[T](coros):
    return [asyncio.create_task(c) for c in coros]


async def run(coro):
    return await asyncio.create_task(coro)


def nothing_returned(coro):
    asyncio.get_running_loop()
'''
# spawns by itself, so the spawn pass analyses it
CALLER = '''import asyncio

from app.tasks import start


async def ping():
    pass


class Pinger:
    def open(self):
        self._pinger = start(ping())
        self._other = asyncio.create_task(ping())

    def close(self):
        self._other.cancel()
'''
# names a function the forecast takes for a helper (a top-level def returning what a spawn
# gives), but it returns a list of tasks: no helper
LISTING_CALLER = '''import asyncio

from app.tasks import start_all


async def ping():
    pass


async def main():
    tasks = start_all([ping()])
    await asyncio.gather(*tasks)
    await asyncio.create_task(ping())
'''


def _project(root: Path, files: dict[str, str]) -> Path:
    (root / "app" / "sub").mkdir(parents=True)
    for name in ("app/__init__.py", "app/sub/__init__.py"):
        (root / name).write_text("")
    (root / "app" / "tasks.py").write_text(TASKS)
    for name, text in files.items():
        (root / name).write_text(text)
    for path in root.rglob("*.py"):  # older than the racy window: the stat cache trusts them
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns - 60 * 10**9, st.st_mtime_ns - 60 * 10**9))
    return root


def _forecast(root: Path, name: str, text: str) -> list[str]:
    path = root / name
    path.write_text(text)
    run = frozenset(str(p) for p in root.rglob("*.py"))
    return [s.name for s in Forecast(prefilter_for(()), run).helpers(str(path), text.encode())]


def test_imports_are_read_relative_ones_made_absolute() -> None:
    data = (b"from . import tasks\nfrom .a.b import (x,\n    y as z)\n"
            b"import os.path as p, json\nfrom ..up import q\n    from .inner import w\n")
    assert imports_in(data, ("pkg", "sub", "mod")) == [
        ("pkg.sub", ["tasks"]), ("pkg.sub.a.b", ["x", "y"]), ("os.path", []), ("json", []),
        ("pkg.up", ["q"]), ("pkg.sub.inner", ["w"])]
    assert imports_in(b"from . import tasks\n", ("pkg", "sub", "__init__")) == [
        ("pkg.sub", ["tasks"])]


def test_a_top_level_function_returning_a_spawn_is_forecast(tmp_path: Path) -> None:
    root = _project(tmp_path, {})
    by_name = "from app.tasks import start\nstart(x())\n"
    assert _forecast(root, "app/sub/a.py", by_name) == ["app.tasks.start"]
    by_module = "from app import tasks\ntasks.start(x())\ntasks.start_all([])\n"
    assert _forecast(root, "app/sub/b.py", by_module) == [
        "app.tasks.start", "app.tasks.start_all"]  # a generic def too; checked later
    relative = "from ..tasks import start, run, nothing_returned\n"
    assert _forecast(root, "app/sub/c.py", relative) == ["app.tasks.start"]
    assert _forecast(root, "app/sub/d.py", "import asyncio\nfrom os import path\n") == []
    # a module's own functions are its own analysis's (local_helpers.py)
    assert _forecast(root, "app/tasks.py", TASKS) == []


VERSIONED = """import sys
from asyncio import Task, create_task

if sys.version_info >= (3, 12):  # one definition per Python version

    def eager(
        coro,
    ):
        return Task(coro, eager_start=True)

else:

    def eager(coro):
        return create_task(coro)

try:
    def ignored(coro):
        get_running_loop()
finally:
    pass
"""


def test_a_function_defined_in_a_top_level_block_is_forecast(tmp_path: Path) -> None:
    """aioesphomeapi's `create_eager_task`, defined under `if sys.version_info` and returning
    `Task(coro)` of `from asyncio import Task`: before, its callers were parsed twice (once
    more in the helper round)."""
    root = _project(tmp_path, {"app/versioned.py": VERSIONED})
    assert _forecast(root, "app/sub/a.py", "from app.versioned import eager, ignored\n") == [
        "app.versioned.eager"]


def _rows(root: Path, cache_dir: Path) -> tuple[list[tuple[str, int, str]], RunStats]:
    stats = RunStats()
    result = check_paths([root], cache_dir=cache_dir, stats=stats)
    doc = json.loads(render_json(result))
    return [(Path(f["path"]).name, f["line"], f["risk"]) for f in doc["findings"]], stats


def test_only_the_runs_modules_are_forecast(tmp_path: Path) -> None:
    """A helper whose module the run leaves out is not judged at its callers (pre-commit's few
    files): forecasting it would only cost the caller a second parse."""
    root = _project(tmp_path, {})
    path = root / "app" / "sub" / "a.py"
    path.write_text("from app.tasks import start\nstart(x())\n")
    forecast = Forecast(prefilter_for(()), frozenset({str(path)}))
    assert forecast.helpers(str(path), path.read_bytes()) == ()


def test_a_forecast_helper_is_judged_in_the_first_pass(tmp_path: Path) -> None:
    """The speed trick's guard: the caller is parsed once (homeassistant: five files, core.py
    among them, not parsed twice: +0.09 s cold where a second parse cost +0.49 s)."""
    root = _project(tmp_path / "p", {"app/pinger.py": CALLER})
    cache_dir = tmp_path / "cache"
    cold, stats = _rows(root, cache_dir)
    assert ("pinger.py", 12, "medium") in cold  # kept and never ended
    assert (stats.analysed, stats.helped) == (2, 0)
    warm, stats = _rows(root, cache_dir)
    assert warm == cold
    assert (stats.analysed, stats.helped) == (0, 0)


def test_a_wrong_forecast_is_analysed_again(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", {"app/listing.py": LISTING_CALLER})
    cache_dir = tmp_path / "cache"
    cold, stats = _rows(root, cache_dir)
    assert stats.helped == 1  # `start_all` returns a list: no helper to its callers
    assert [row for row in cold if row[0] == "listing.py"] == [("listing.py", 13, "low")]
    warm, stats = _rows(root, cache_dir)
    assert warm == cold
    assert (stats.analysed, stats.helped) == (0, 0)


# the same, with a dropped task the fix keeps
FIXABLE_CALLER = CALLER.replace("self._other = asyncio.create_task", "asyncio.create_task")


def test_check_fix_keeps_the_helper_rows_of_a_fixed_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After `check --fix` rewrites a file, its facts are taken again with the helpers it was
    analysed with: the medium the fix does not touch still fails the check."""
    root = _project(tmp_path / "p", {"app/pinger.py": FIXABLE_CALLER})
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "-n", "--fix", "--output-format", "concise"])
    assert "Fixed 1 finding" in result.output
    assert "app/pinger.py:13:24: TL201" in result.output  # moved by the fix's import line
    assert result.exit_code == 1

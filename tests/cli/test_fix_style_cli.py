"""The safe fix reads like a person wrote it (issue 56, points 4 and 5), through the real
command line on small real packages:

- one keep-helper per package, written once and imported where needed, never the helper and
  the tracking lines in one module;
- every line a fix writes or changes within the project's line length;
- fixed code that runs on the oldest Python the project supports, checked with a real
  minimum-version checker (vermin), `ast.parse(feature_version=)` and an import under 3.8's
  rules (nothing subscripts a builtin or an asyncio class while the module loads);
- a dropped task that runs forever is not kept forever: no safe fix, and where to cancel it.
"""

from __future__ import annotations

import ast
import difflib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from taskleak.cli import main

WORKER = '''\
import asyncio
from asyncio import ensure_future


async def send(text: str) -> None:
    await asyncio.sleep(0)


async def refresh_sessions(text: str, n: int) -> None:
    await asyncio.sleep(0)


class Worker:
    def install(self) -> None:
        loop = asyncio.get_running_loop()
        loop.call_soon(lambda: ensure_future(send("h")))

    async def on_message(self, text: str) -> None:
        asyncio.create_task(send(text))
        task = asyncio.create_task(send(text))
        if text:
            n = len(text)
            asyncio.create_task(refresh_sessions(text, n))
'''
FEED = '''\
import asyncio


async def poll(name: str) -> None:
    await asyncio.sleep(0)


async def start(names) -> None:
    for name in names:
        asyncio.create_task(poll(name))
    asyncio.create_task(poll("last"))
'''
# every line of both fits in 60 columns: what goes past a limit was written by the fix


def invoke(args: list[str], cwd: Path) -> Result:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [args[0], "--no-cache", *args[1:]])
    finally:
        os.chdir(old)


def _package(root: Path, pyproject: str = "") -> Path:
    pkg = root / "app"
    (pkg / "net").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "net" / "__init__.py").write_text("")
    (pkg / "net" / "worker.py").write_text(WORKER)
    (pkg / "feed.py").write_text(FEED)
    if pyproject:
        (root / "pyproject.toml").write_text(textwrap.dedent(pyproject))
    return pkg


def _changed_lines(before: str, after: str) -> list[str]:
    return [line[2:] for line in difflib.ndiff(before.splitlines(), after.splitlines())
            if line.startswith("+ ")]


# -- one helper per package -----------------------------------------------------------------------
def test_one_keep_helper_for_the_package_imported_where_needed(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    diff = invoke(["fix", "--diff"], tmp_path)
    assert "--- /dev/null\n+++ app/_background_tasks.py\n" in diff.stdout
    assert "Would write app/_background_tasks.py" in diff.stderr
    assert not (pkg / "_background_tasks.py").exists()  # --diff writes nothing
    done = invoke(["fix"], tmp_path)
    assert "Fixed 6 findings in 2 files (tracked-set 6)." in done.output
    assert "Wrote app/_background_tasks.py" in done.output
    sources = {p.relative_to(pkg).as_posix(): p.read_text() for p in pkg.rglob("*.py")}
    helpers = [name for name, text in sources.items() if "def keep_task(" in text]
    assert helpers == ["_background_tasks.py"]
    for name in ("net/worker.py", "feed.py"):
        text = sources[name]
        assert "from app._background_tasks import keep_task\n" in text
        assert "_background_tasks.add" not in text and "def _keep_task" not in text
    worker = sources["net/worker.py"]
    # the bound task too: one form in the whole module, never the tracking lines beside it
    assert "        task = keep_task(asyncio.create_task(send(text)))\n" in worker
    assert "lambda: keep_task(" in worker
    # the fixed package runs: the helper keeps the task until it is done, then lets it go
    run = subprocess.run([sys.executable, "-c", (
        "import asyncio\n"
        "from app import _background_tasks as kept\n"
        "from app.feed import start\n"
        "async def main():\n"
        "    await start(['a', 'b'])\n"
        "    loop = asyncio.get_running_loop()\n"
        "    assert len(kept._background_tasks[loop]) == 3\n"
        "    await asyncio.sleep(0.01)\n"
        "    assert not kept._background_tasks[loop]\n"
        "asyncio.run(main())\n")], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert invoke(["fix", "--diff"], tmp_path).stdout == ""  # a second run changes nothing


def test_the_fix_description_says_what_the_fix_writes(tmp_path: Path) -> None:
    """tornado 6.6.1: check promised a module-level `_keep_task()`; fix imported the
    package's helper."""
    _package(tmp_path)
    rows = json.loads(invoke(["check", "--output-format", "json"], tmp_path).stdout)
    described = {row["fix"]["description"].split(" (unsafe alternative")[0]
                 for row in rows["findings"] if row["fix"]}
    assert described == {"keep the task with keep_task() of app._background_tasks, which "
                         "holds it until it is done"}
    invoke(["fix"], tmp_path)
    assert "keep_task(" in (tmp_path / "app" / "feed.py").read_text()


def test_the_helper_module_is_the_one_named_in_config(tmp_path: Path) -> None:
    pkg = _package(tmp_path, '[tool.taskleak]\nhelper-module = "app.net.tasks"\n')
    invoke(["fix"], tmp_path)
    assert "def keep_task(" in (pkg / "net" / "tasks.py").read_text()
    assert not (pkg / "_background_tasks.py").exists()
    assert "from app.net.tasks import keep_task\n" in (pkg / "feed.py").read_text()


def test_a_helper_in_each_module_when_config_asks(tmp_path: Path) -> None:
    pkg = _package(tmp_path, '[tool.taskleak]\nhelper-module = ""\n')
    invoke(["fix"], tmp_path)
    assert not (pkg / "_background_tasks.py").exists()
    worker = (pkg / "net" / "worker.py").read_text()
    assert worker.count("def _keep_task(") == 1
    assert "task = _keep_task(asyncio.create_task(send(text)))" in worker
    assert worker.count("_background_tasks.add(") == 1  # in the helper only


def test_a_module_of_that_name_that_is_not_a_keep_helper_is_never_touched(
        tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    mine = "SETTINGS = {'tasks': 3}\n"
    (pkg / "_background_tasks.py").write_text(mine)
    invoke(["fix"], tmp_path)
    assert (pkg / "_background_tasks.py").read_text() == mine
    assert "def _keep_task(" in (pkg / "feed.py").read_text()


# -- the line length ------------------------------------------------------------------------------
@pytest.mark.parametrize(("config", "limit"), [
    ("[tool.taskleak]\nline-length = 60\n", 60),
    ("[tool.black]\nline-length = 72\n", 72),
    ("[tool.ruff]\nline-length = 66\n[tool.taskleak]\nline-length = 80\n", 80),
])
def test_every_line_a_fix_writes_fits_the_line_length(tmp_path: Path, config: str,
                                                      limit: int) -> None:
    pkg = _package(tmp_path, config)
    before = {p: p.read_text() for p in pkg.rglob("*.py")}
    assert all(len(line) <= 60 for text in before.values() for line in text.splitlines())
    done = invoke(["fix"], tmp_path)
    assert done.exit_code == 0, done.output
    written = [line for p, text in before.items()
               for line in _changed_lines(text, p.read_text())]
    written += (pkg / "_background_tasks.py").read_text().splitlines()
    assert written
    assert [line for line in written if len(line) > limit] == []
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed: pip install ruff")
    checked = subprocess.run([ruff, "check", "--isolated", "--select", "E501,F",
                              "--line-length", str(limit), "app/_background_tasks.py"],
                             cwd=tmp_path, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout


def test_a_flake8_only_project_gets_79_columns(tmp_path: Path) -> None:
    """python-engineio 4.15.1: flake8 run by tox, no max-line-length: flake8's 79."""
    pkg = _package(tmp_path)
    (tmp_path / "tox.ini").write_text("[testenv:flake8]\ndeps=\n    flake8\ncommands=\n"
                                      "    flake8 --ignore=W503,E402,E722 src tests\n")
    # 76 columns; in keep_task(...) 87: within black's 88, not flake8's 79
    long = "    asyncio.create_task(session.refresh_every_single_one_of_the_sessions(1))\n"
    (pkg / "long.py").write_text("import asyncio\n\n\nasync def go(session):\n" + long)
    before = {p: p.read_text() for p in pkg.rglob("*.py")}
    assert invoke(["fix"], tmp_path).exit_code == 0
    written = [line for p, text in before.items()
               for line in _changed_lines(text, p.read_text())]
    written += (pkg / "_background_tasks.py").read_text().splitlines()
    assert max(map(len, written)) <= 79
    assert "    keep_task(\n        asyncio.create_task(" in (pkg / "long.py").read_text()


def test_a_bad_line_length_is_a_clear_error(tmp_path: Path) -> None:
    _package(tmp_path, '[tool.taskleak]\nline-length = "wide"\n')
    out = invoke(["fix"], tmp_path)
    assert out.exit_code == 2
    assert "[tool.taskleak] 'line-length' must be a whole number from 1 to 999" in out.output


# -- a test's fix -----------------------------------------------------------------------------
LOCKS_TEST = '''\
import asyncio
import unittest


async def release(lock: asyncio.Lock) -> None:
    await asyncio.sleep(0)


class LockTests(unittest.IsolatedAsyncioTestCase):
    async def test_release(self) -> None:
        lock = asyncio.Lock()
        asyncio.ensure_future(release(lock))
        [asyncio.ensure_future(release(lock)) for _ in range(2)]
        await asyncio.sleep(0.01)
'''


def test_a_test_fix_never_adds_a_module_to_the_shipped_package(tmp_path: Path) -> None:
    """tornado 6.6.1: its tests live in the package (`tornado/test/locks_test.py`); the fix
    keeps their helper beside them. A test module outside any package gets its own."""
    pkg = tmp_path / "app"
    (pkg / "test").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "test" / "__init__.py").write_text("")
    (pkg / "test" / "locks_test.py").write_text(LOCKS_TEST)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_alone.py").write_text(LOCKS_TEST)
    done = invoke(["fix"], tmp_path)
    assert done.exit_code == 0, done.output
    assert "Wrote app/test/_background_tasks.py" in done.output
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.py")) == [
        "app/__init__.py", "app/test/__init__.py", "app/test/_background_tasks.py",
        "app/test/locks_test.py", "tests/test_alone.py"]
    locks = (pkg / "test" / "locks_test.py").read_text()
    assert "from app.test._background_tasks import keep_task\n" in locks
    alone = (tmp_path / "tests" / "test_alone.py").read_text()
    assert "def _keep_task(" in alone and "_background_tasks import" not in alone
    for module in ("app.test.locks_test", "tests.test_alone"):  # the fixed tests pass
        run = subprocess.run([sys.executable, "-m", "unittest", "-q", module], cwd=tmp_path,
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr


# -- the oldest Python ----------------------------------------------------------------------------
OLD_PYTHON = '''\
import asyncio, builtins, concurrent.futures, sys


def refused(cls, item):
    raise TypeError(f"'type' object is not subscriptable (Python 3.8)")


class Set(set):
    __class_getitem__ = classmethod(refused)


builtins.set = Set
for module, name in ((asyncio, "Future"), (asyncio, "Task"), (concurrent.futures, "Future")):
    setattr(module, name, type(name, (getattr(module, name),),
                               {"__class_getitem__": classmethod(refused)}))
sys.path.insert(0, ".")
for name in sys.argv[1:]:
    __import__(name)
'''


FUTURE_ANNOTATIONS = "from __future__ import annotations\n"


def _vermin() -> str:
    vermin = shutil.which("vermin") or str(Path(sys.executable).parent / "vermin")
    if not Path(vermin).exists():
        pytest.skip("vermin is not installed: pip install vermin (in the test extras)")
    return vermin


@pytest.mark.parametrize(("config", "target"), [
    ('[project]\nname = "app"\nrequires-python = ">=3.7"\n', (3, 7)),
    ('[tool.ruff]\ntarget-version = "py38"\n', (3, 8)),
    ('[tool.taskleak]\ntarget-version = "py38"\nhelper-module = ""\n', (3, 8)),
])
def test_fixed_code_runs_on_the_oldest_python_the_project_supports(
        tmp_path: Path, config: str, target: tuple[int, int]) -> None:
    pkg = _package(tmp_path, config)
    assert invoke(["fix"], tmp_path).exit_code == 0
    fixed = sorted(p for p in pkg.rglob("*.py") if p.stat().st_size)
    assert any("keep_task(" in p.read_text() for p in fixed)
    for path in fixed:  # the syntax of that Python
        ast.parse(path.read_text(), feature_version=target)
    version = f"{target[0]}.{target[1]}"
    for path in fixed:
        # `--eval-annotations` evaluates the annotations PEP 563 leaves as strings: for a
        # module with `from __future__ import annotations`, OLD_PYTHON below is the judge
        postponed = FUTURE_ANNOTATIONS in path.read_text()
        checked = subprocess.run([_vermin(), "--no-tips", "--violations", f"-t={version}-",
                                  *([] if postponed else ["--eval-annotations"]), str(path)],
                                 capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout
    modules = [".".join(p.relative_to(tmp_path).with_suffix("").parts) for p in fixed]
    loaded = subprocess.run([sys.executable, "-c", OLD_PYTHON, *modules], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert loaded.returncode == 0, loaded.stderr


def _oldest_real_python() -> str:
    """A real Python 3.7 (else 3.8): pyenv's, else one on PATH."""
    versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    for minor in (7, 8):
        found = sorted(versions.glob(f"3.{minor}.*/bin/python"))
        on_path = shutil.which(f"python3.{minor}")
        if found:
            return str(found[0])
        if on_path and "shims" not in Path(on_path).parts:  # a shim may name no version
            return on_path
    pytest.skip("no Python 3.7 or 3.8 interpreter ($PYENV_ROOT/versions/3.7.*/bin/python or "
                "python3.7 on PATH): pyenv install 3.7.16")


@pytest.mark.parametrize(("files", "target"), [
    # aiorun 2025.1.1: the old flit table
    ({"pyproject.toml": '[tool.flit.metadata]\nmodule = "app"\nrequires-python = ">=3.7"\n'},
     (3, 7)),
    # aiocache 0.12.3: setup.py's classifiers and black's target-version
    ({"setup.py": "from setuptools import setup\nsetup(name='app', classifiers=[\n"
                  "    'Programming Language :: Python :: 3.8',\n"
                  "    'Programming Language :: Python :: 3.7',\n])\n",
      "pyproject.toml": "[tool.black]\ntarget-version = ['py38', 'py37']\n"}, (3, 7)),
    ({}, None),  # nothing declared: the helper module is written for 3.7 all the same
])
def test_the_fixed_package_imports_and_runs_on_a_real_old_python(
        tmp_path: Path, files: dict[str, str], target: tuple[int, int] | None) -> None:
    python = _oldest_real_python()
    pkg = _package(tmp_path)
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    shown = invoke(["check", "--show-settings"], tmp_path).output
    assert f'target-version = "py3{(target or (3, 9))[1]}"' in shown
    assert invoke(["fix"], tmp_path).exit_code == 0
    assert "keep_task(" in (pkg / "feed.py").read_text()
    run = subprocess.run([python, "-c", (
        "import asyncio, sys\n"
        "import app.net.worker\n"
        "from app._background_tasks import keep_task\n"
        "from app.feed import start\n"
        "async def main():\n"
        "    await start(['a', 'b'])\n"
        "    kept = keep_task(asyncio.ensure_future(asyncio.sleep(0)))\n"
        "    await asyncio.sleep(0.01)\n"
        "    assert kept.done()\n"
        "asyncio.get_event_loop().run_until_complete(main())\n"
        "print(sys.version_info[:2])\n")], cwd=tmp_path, capture_output=True, text=True,
        timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() in ("(3, 7)", "(3, 8)")


def test_below_3_9_the_helper_postpones_its_annotations(tmp_path: Path) -> None:
    """Built-in generics under `from __future__ import annotations`, the bound a string:
    typing's `Dict`/`Set` ran too, but ruff 0.17.6 reports FA100 on them (discord.py 2.7.1,
    which declares 3.8)."""
    pkg = _package(tmp_path, '[project]\nname = "app"\nrequires-python = ">=3.8"\n')
    invoke(["fix"], tmp_path)
    helper = (pkg / "_background_tasks.py").read_text()
    assert f'"""\n\n{FUTURE_ANNOTATIONS}\nimport asyncio\nfrom typing import Any, TypeVar\n' \
        in helper
    assert "_background_tasks: dict[asyncio.AbstractEventLoop, set[asyncio.Future[Any]]] = {}\n" \
        in helper
    assert 'bound="asyncio.Future[Any]")' in helper and "Dict" not in helper


@pytest.mark.parametrize("helper_module", ["", None])
def test_strings_the_fix_writes_are_in_the_formatters_quotes(
        tmp_path: Path, helper_module: str | None) -> None:
    """discord.py 2.7.1 formats with ruff's `quote-style = "single"`: `ruff format --check`
    passed the untouched modules and failed the fix's `TypeVar("_TaskT", ...)` lines."""
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed")
    config = '[tool.ruff.format]\nquote-style = "single"\n[project]\nrequires-python = ">=3.8"\n'
    if helper_module is not None:
        config += f'[tool.taskleak]\nhelper-module = "{helper_module}"\n'
    pkg = _package(tmp_path, config)
    for path in pkg.rglob("*.py"):
        path.write_text(path.read_text().replace('"', "'"))
    files = [str(p) for p in sorted(tmp_path.rglob("*.py"))]
    assert subprocess.run([ruff, "format", "--check", "--no-cache", *files],
                          cwd=tmp_path).returncode == 0
    assert invoke(["fix"], tmp_path).exit_code == 0
    fixed = sorted(tmp_path.rglob("*.py"))
    assert any("TypeVar('_TaskT', bound=" in p.read_text() for p in fixed)
    checked = subprocess.run([ruff, "format", "--check", "--diff", "--no-cache",
                              *map(str, fixed)], cwd=tmp_path, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout


def test_a_recent_python_gets_plain_annotations(tmp_path: Path) -> None:
    pkg = _package(tmp_path, '[project]\nname = "app"\nrequires-python = ">=3.10"\n')
    invoke(["fix"], tmp_path)
    helper = (pkg / "_background_tasks.py").read_text()
    assert "_background_tasks: dict[asyncio.AbstractEventLoop, set[asyncio.Future[Any]]] = {}\n" \
        in helper
    assert 'bound=asyncio.Future[Any])' in helper and "__future__" not in helper


LOOP_PER_TEST = """\
import asyncio, gc, weakref
from app._background_tasks import _background_tasks, keep_task

kept = []
for _ in range(5):  # a suite that makes a loop per test
    loop = asyncio.new_event_loop()

    async def test():
        never = keep_task(asyncio.ensure_future(loop.create_future()))  # pending for good
        started = keep_task(asyncio.ensure_future(asyncio.sleep(1)))  # cut by the close
        done = keep_task(asyncio.ensure_future(asyncio.sleep(0)))
        kept.extend(weakref.ref(t) for t in (never, started, done))
        await done

    loop.run_until_complete(test())
    loop.close()
keep_task(asyncio.ensure_future(asyncio.sleep(0), loop=asyncio.new_event_loop()))
gc.collect()
print(len(_background_tasks), sum(ref() is not None for ref in kept))
"""


def test_the_helper_lets_go_of_a_closed_loops_tasks(tmp_path: Path) -> None:
    """tornado 6.6.1's suite: 19 futures stayed in the process-wide set for good (5 pending,
    14 done whose loop closed before their discard callback ran)."""
    _package(tmp_path)
    assert invoke(["fix"], tmp_path).exit_code == 0
    run = subprocess.run([sys.executable, "-c", LOOP_PER_TEST], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    # one loop left (the last one's, open), and nothing of the five closed loops kept alive
    assert run.stdout.split() == ["1", "0"]


# -- a task that runs forever ---------------------------------------------------------------------
TEST_MODULE = '''\
import asyncio


async def listen(url: str) -> None:
    while True:
        await asyncio.sleep(1)


async def test_the_socket_says_hello() -> None:
    asyncio.get_event_loop().create_task(listen("ws://test"), name="socket")
    await asyncio.sleep(0)
'''


def test_a_dropped_task_that_runs_forever_is_not_kept_forever(tmp_path: Path) -> None:
    test = tmp_path / "test_socket.py"
    test.write_text(TEST_MODULE)
    rows = json.loads(invoke(["check", "--output-format", "json"], tmp_path).stdout)
    (row,) = rows["findings"]
    reason = ("listen() runs `while True` with no break or return: kept in a set, it would "
              "run until the process exits; cancel it at the end of the test or in a "
              "fixture's teardown")
    assert (row["rule"], row["fix"], row["no_fix_reason"]) == ("TL101", None, reason)
    assert "[*]" not in invoke(["check"], tmp_path).stdout
    done = invoke(["fix"], tmp_path)
    assert f"test_socket.py:10:5: TL101 {reason}" in done.output
    assert test.read_text() == TEST_MODULE


def test_fix_help_and_show_settings_name_the_style_keys(tmp_path: Path) -> None:
    # click wraps at hyphens too (`max-line-` / `length`): joined back
    help_text = " ".join(invoke(["fix", "--help"], tmp_path).output.split()).replace("- ", "-")
    for words in ("Fixed lines fit the project's line length (`line-length`, else ruff's, else "
                  "black's, else flake8's max-line-length of [flake8] in .flake8, setup.cfg or "
                  "tox.ini, or of a tox environment that runs flake8 (79 when none is set), else "
                  "pycodestyle's, else 88)",
                  # every file the oldest Python is read from, by name
                  "run on its oldest Python (`target-version`, else the lowest of: ruff's and "
                  "black's target-version, requires-python of [project] or "
                  "[tool.flit.metadata], [tool.poetry.dependencies] python, python_requires of "
                  "setup.cfg or setup.py, Programming Language :: Python :: 3.X classifiers; "
                  "else 3.9, and the helper module 3.7)",
                  "with strings in single quotes where ruff's formatter is configured with "
                  'quote-style = "single"',
                  "a package's files share one keep_task() helper",
                  "<package>/_background_tasks.py (`helper-module`)"):
        assert words in help_text
    (tmp_path / "pyproject.toml").write_text(
        '[tool.taskleak]\nline-length = 79\ntarget-version = "3.8"\nhelper-module = "app.t"\n')
    shown = invoke(["check", "--show-settings"], tmp_path).output
    assert 'helper-module = "app.t"  # a name without a dot: in each top-level package' in shown
    assert '\nline-length = 79\ntarget-version = "py38"\n' in shown
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nrequires-python = ">=3.7"\n[tool.black]\nline-length = 99\n'
        '[tool.taskleak]\n')
    shown = invoke(["check", "--show-settings"], tmp_path).output
    assert 'helper-module = "_background_tasks"' in shown
    assert "\nline-length = 99  # from ruff's, black's, flake8's or pycodestyle's configuration" \
        in shown
    assert '\ntarget-version = "py37"  # the lowest the project declares, else 3.9' in shown

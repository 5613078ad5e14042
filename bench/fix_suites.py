"""Fixes on real test suites: does `taskleak fix` keep real libraries' tests green?

For each pinned asyncio library below (an sdist from PyPI that ships its test suite), the
script

1. downloads the sdist (`pip download --no-deps --no-binary :all: NAME==VERSION`) and extracts
   it into the work folder;
2. makes a virtual environment for the library with the running Python, installs the library
   from the extracted sdist and its pinned test requirements (plus pytest-timeout);
3. runs the suite twice on the untouched source (the baseline), with a per-test timeout
   (pytest-timeout), a whole-suite timeout and `--junitxml`, so every test has an outcome; a test
   whose outcome differs between the two baseline runs is flaky: it is reported and left out;
4. for each mode (`safe`: `taskleak fix`; `unsafe`: `taskleak fix --unsafe-fixes`), copies the
   untouched tree, saves `taskleak fix --diff` and applies the fixes to the package's source
   (never its tests), and runs the suite on the fixed copy;
5. runs the project's own tools on the fixed copy (`fix_style.check_fix`): the linters the
   sdist configures, on the changed files, counting only new complaints on changed lines, and
   an import of the fixed package and its changed modules on the oldest Python its PKG-INFO
   declares (a pyenv interpreter; else `vermin --eval-annotations`);
6. reports per library and mode: the fixes applied (taskleak's count and the files changed),
   new failures, new errors, hangs (per-test timeouts, or the suite stopped), new warnings
   (pytest's warning count, new warning messages, and "Task was destroyed but it is pending" /
   "exception was never retrieved" lines), each with its test ids; then the tools' table.

The sdist is used as published: its own pyproject.toml/setup.cfg/setup.py/tox.ini decide how
it builds and what its linters check; nothing is written into it.

The library is installed normally (not editable); every suite run puts the tree it tests first
on `PYTHONPATH` and checks that the package is imported from there, so the baseline runs the
untouched source and each mode its fixed copy. Nothing is written into the extracted sdist.

Usage (from the repository root)::

    python bench/fix_suites.py                          # all libraries, both modes
    python bench/fix_suites.py --json /tmp/fix-suites.json --only anyio,aiocoap
    python bench/fix_suites.py --taskleak /path/to/taskleak --work /work/fix-suites-work

Output: a markdown table (and the regressions with their test ids) on stdout; `--json PATH`
writes the figures; `WORK/results/` holds, per library and mode, the `taskleak fix --diff`
output (`LIB-VERSION-MODE.diff`), taskleak's output and the pytest logs.

Re-running is cheap: downloads, virtual environments and the two baseline runs are cached in the
work folder, keyed by library version, Python version and the pinned requirements and pytest
options (`--fresh-baseline` runs the baseline again); only the fixed copies are tested anew.
A first run on 2 cores takes about 30 minutes (the installs, then four runs of each suite;
anyio's 3 minutes a run is the longest); a rerun about 17. The exit code is 0 unless the
script itself fails: it measures, it does not gate.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path

from fix_style import check_fix  # beside this script

PYTEST = ("pytest==9.0.3", "pytest-timeout==2.4.0")


@dataclass(frozen=True)
class Library:
    """One pinned library: where its package and tests are inside the sdist, and what to install."""

    name: str  # the PyPI name
    version: str
    module: str  # the import name, to check where it is imported from
    package: str  # the folder to fix, inside the sdist
    requirements: tuple[str, ...]  # pinned test requirements (pytest, pytest-timeout: always)
    extras: str = ""  # installed with the library, e.g. "oscore"
    import_root: str = "."  # the folder put on PYTHONPATH ("src" for a src layout)
    pytest_args: tuple[str, ...] = ("tests",)
    touch: tuple[str, ...] = ()  # empty files the sdist leaves out that the tests need
    # a pytest plugin's code, for what the project's own test runner sets up (written in the
    # work folder, never into the sdist, and loaded with `-p`)
    plugin: str = ""


LIBRARIES: tuple[Library, ...] = (
    Library(
        "textual", "8.2.8", "textual", "src/textual", ("pytest-asyncio==1.3.0",),
        import_root="src",
        # the fixes change the drivers (headless_driver.py runs every test app): the tests
        # of apps, drivers and message pumps, not the 3,000 snapshot and widget tests
        pytest_args=tuple(f"tests/test_{name}.py" for name in (
            "app", "pilot", "screens", "driver", "focus", "message_pump", "suspend", "widget",
            "animation", "auto_refresh", "concurrency")),
    ),
    Library(
        "python-kasa", "0.12.0", "kasa", "kasa",
        ("pytest-asyncio==1.3.0", "pytest-mock==3.15.1", "pytest-freezer==0.4.9",
         "pytest-xdist==3.8.0", "pytest-socket==0.7.0", "voluptuous==0.15.2",
         "xdoctest==1.3.2", "toml==0.10.2"),
        # the fixes change cli/discover.py and smart/modules/firmware.py: their tests (10,000
        # of the 25,000, which are mostly the same tests over 200 device fixtures)
        pytest_args=("tests/test_cli.py", "tests/test_discovery.py",
                     "tests/smart/modules/test_firmware.py"),
    ),
    Library(
        "discord.py", "2.7.1", "discord", "discord",
        ("pytest-asyncio==1.3.0", "pytest-mock==3.15.1", "typing-extensions==4.15.0"),
        # its tasks tests sleep 5 minutes around midnight UTC, and hung the suite here once
        pytest_args=("tests", "--ignore=tests/test_ext_tasks.py"),
    ),
    Library(
        "zigpy-znp", "1.1.1", "zigpy_znp", "zigpy_znp",
        ("pytest-asyncio==1.3.0", "pytest-mock==3.15.1"),
    ),
    Library(
        "anyio", "4.16.0", "anyio", "src/anyio",
        ("pytest-mock==3.15.1", "trio==0.32.0", "hypothesis==6.148.7", "psutil==7.1.3",
         "trustme==1.2.1", "truststore==0.10.4", "blockbuster==1.5.26"),
        import_root="src",
    ),
    Library(
        "aiogram", "3.31.0", "aiogram", "aiogram",
        ("pytest-asyncio==1.3.0", "pytest-mock==3.15.1", "pytest-aiohttp==1.1.0",
         "aresponses==3.0.0", "pytz==2025.2", "pycryptodomex==3.23.0"),
        extras="redis,mongo,proxy,i18n,signature",  # its conftest imports redis and pymongo
    ),
    # stop 71 (issue 70, item 4): the libraries of the issue, tornado, and discord.py/aiogram
    # above as the two more; test requirements unpinned (each venv keeps its `pip freeze`)
    Library("aiorun", "2025.1.1", "aiorun", "aiorun", ("uvloop",)),
    Library(
        "aiocache", "0.12.3", "aiocache", "aiocache",
        ("pytest-asyncio==0.21.2", "pytest-mock", "marshmallow"),
        extras="redis,memcached,msgpack",
        # the unit tests: acceptance and performance need a redis and a memcached server;
        # addopts asks for pytest-cov
        pytest_args=("-o", "addopts=", "tests/ut"),
    ),
    Library("uvicorn", "0.54.0", "uvicorn", "uvicorn",
            ("httpx2", "pytest-mock", "trustme", "cryptography", "a2wsgi", "pyyaml",
             "watchfiles", "websockets", "wsproto", "httptools", "pytest-xdist", "anyio"),
            # the fix changes lifespan/on.py: the lifespan, config, main and server tests
            # (addopts asks for 8 xdist workers)
            pytest_args=("-n", "0", "tests/test_lifespan.py", "tests/test_config.py",
                         "tests/test_main.py", "tests/test_server.py")),
    Library("kademlia", "2.2.3", "kademlia", "kademlia", ("pytest-asyncio",),
            # addopts asks for pytest-cov; the ini's quoted "function" is refused
            pytest_args=("-o", "addopts=", "-o", "asyncio_default_fixture_loop_scope=function",
                         "kademlia/tests")),
    Library("python-engineio", "4.15.1", "engineio", "src/engineio",
            ("pytest-asyncio", "aiohttp", "tornado", "requests", "websocket-client"),
            import_root="src"),
    Library("pysqueezebox", "0.14.0", "pysqueezebox", "pysqueezebox",
            ("pytest-asyncio", "aiohttp"),
            # the integration tests need a real server (and a conftest the sdist leaves out)
            pytest_args=("tests", "--ignore=tests/test_integration.py")),
    Library("slixmpp", "1.17.0", "slixmpp", "slixmpp",
            ("pytest-asyncio", "emoji", "aiohttp", "cryptography"),
            pytest_args=("tests", "--ignore=tests/live_test.py")),  # a live server's
    Library("tornado", "6.6.1", "tornado", "tornado", (),
            pytest_args=("-o", "python_files=*_test.py", "tornado/test"),
            # as tornado/test/runtests.py:147 does: its AsyncTestCase fails on access logs
            plugin="import logging\n"
                   'logging.getLogger("tornado.access").setLevel(logging.CRITICAL)\n'),
)

TASK_DESTROYED = "Task was destroyed but it is pending"
NEVER_RETRIEVED = "exception was never retrieved"
FIXED_LINE = re.compile(r"Fixed (\d+) findings? in (\d+) files?(?: \((.*)\))?")
SUMMARY_LINE = re.compile(r"^=+ (.*) in [\d.]+s(?: \(.*\))? =+$", re.MULTILINE)
WARNING_MESSAGE = re.compile(r"^\s+(?:.*?:\d+: )?(\w*(?:Warning|Error)): (.*)$")


@dataclass
class SuiteRun:
    """One run of a suite: each test's outcome, and what the output said."""

    outcomes: dict[str, str]  # test id -> passed, failed, error, skipped, timeout
    seconds: float
    suite_timed_out: bool
    summary: str  # pytest's last line
    warnings: int  # from that line
    warning_messages: list[str]  # "Category: message", numbers and addresses blanked
    task_destroyed: int
    never_retrieved: int
    log: str  # the path of the full output


@dataclass
class ModeResult:
    """A library under one mode: what taskleak did, and what changed against the baseline."""

    mode: str
    fixes: int = 0
    fix_kinds: str = ""
    files_changed: list[str] = field(default_factory=list)
    fix_errors: list[str] = field(default_factory=list)  # "skipped: internal error" lines
    tests: int = 0
    seconds: float = 0.0
    new_failures: list[str] = field(default_factory=list)
    new_errors: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # ran in the baseline, not here
    now_passing: list[str] = field(default_factory=list)
    suite_timed_out: bool = False
    warnings: int = 0
    new_warning_messages: list[str] = field(default_factory=list)
    task_destroyed: int = 0
    never_retrieved: int = 0
    summary: str = ""
    diff: str = ""
    linters: list[str] = field(default_factory=list)  # the project's, as it configures them
    new_complaints: list[str] = field(default_factory=list)  # on lines the fix changed
    oldest_python: str = ""  # declared (PKG-INFO), then the interpreter used or "vermin"
    imports: str = ""  # the fixed package on that Python: "ok", or what failed


@dataclass
class LibraryResult:
    name: str
    version: str
    tests: int = 0
    baseline_seconds: float = 0.0
    baseline_summary: str = ""
    baseline_failing: int = 0  # failed, errors or timeouts in both baseline runs
    baseline_warnings: int = 0
    baseline_task_destroyed: int = 0
    baseline_never_retrieved: int = 0
    flaky: list[str] = field(default_factory=list)
    modes: list[ModeResult] = field(default_factory=list)
    error: str = ""


def run(cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
        timeout: float | None = None, log: Path | None = None) -> tuple[int | None, str]:
    """Run a command in its own process group; return (exit code or None on timeout, output).

    With LOG the output is written there as it comes (to follow a long suite), then read back.
    """
    with open(log or os.devnull, "w") as handle:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=handle if log else subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, errors="replace", start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=timeout)
            code: int | None = proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            code = None
    return code, log.read_text(errors="replace") if log else out


def check(cmd: list[str], **kwargs: object) -> str:
    code, out = run(cmd, **kwargs)  # type: ignore[arg-type]
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}:\n{out[-3000:]}")
    return out


def key(*parts: object) -> str:
    """Cache key: the running Python's version and the given settings."""
    text = repr((PYTEST, sys.version_info[:2], parts))
    digest = hashlib.sha256(text.encode()).hexdigest()[:10]
    return f"py{sys.version_info[0]}.{sys.version_info[1]}-{digest}"


def extract(lib: Library, work: Path) -> Path:
    """Download the sdist and extract it as published; return the untouched tree."""
    home = work / f"{lib.name}-{lib.version}"
    downloads = work / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    wanted = re.sub(r"[-_.]+", "_", f"{lib.name}-{lib.version}-").lower()
    sdists = [p for p in downloads.glob("*.tar.gz")
              if re.sub(r"[-_.]+", "_", p.name).lower().startswith(wanted)]
    if not sdists:
        check([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary",
               ":all:", "-d", str(downloads), f"{lib.name}=={lib.version}"])
        return extract(lib, work)
    tree = home / "source"
    if not (tree / ".done").exists():
        shutil.rmtree(tree, ignore_errors=True)
        with tarfile.open(sdists[0]) as tar:
            top = tar.getnames()[0].split("/")[0]
            tar.extractall(home / "extract", filter="data")
        (home / "extract" / top).rename(tree)
        shutil.rmtree(home / "extract")
        (tree / ".done").touch()
    for name in lib.touch:
        (tree / name).touch()
    return tree


def prepare(lib: Library, work: Path) -> tuple[Path, Path]:
    """Extract and install the library; return (untouched tree, venv's python)."""
    tree = extract(lib, work)
    venv = work / f"{lib.name}-{lib.version}" / f"venv-{key(lib.requirements, lib.extras)}"
    python = venv / "bin" / "python"
    if not (venv / ".done").exists():
        shutil.rmtree(venv, ignore_errors=True)
        check([sys.executable, "-m", "venv", str(venv)])
        target = f"{tree}[{lib.extras}]" if lib.extras else str(tree)
        check([str(python), "-m", "pip", "install", "-q", target, *PYTEST, *lib.requirements])
        # what was installed, for the record (the stop 71 additions' requirements are unpinned)
        (venv / "freeze.txt").write_text(check([str(python), "-m", "pip", "freeze"]))
        (venv / ".done").touch()
    return tree, python


def copy_tree(source: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".done"),
                    symlinks=True)


def parse_junit(path: Path) -> dict[str, str]:
    outcomes: dict[str, str] = {}
    if not path.exists():
        return outcomes
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return outcomes
    for case in root.iter("testcase"):
        test_id = f"{case.get('classname', '')}::{case.get('name', '')}"
        outcome = "passed"
        for child in case:
            if child.tag in ("failure", "error"):
                message = (child.get("message") or "") + (child.text or "")[:2000]
                if "Timeout" in message and ("pytest-timeout" in message or "Timeout >" in message
                                             or "Failed: Timeout" in message):
                    outcome = "timeout"
                elif child.tag == "failure":
                    outcome = "failed"
                else:
                    outcome = "error"
                break
            if child.tag == "skipped":
                outcome = "skipped"
        # a test can appear twice (a failure in the call and an error in teardown): worst wins
        order = ("passed", "skipped", "failed", "error", "timeout")
        if test_id not in outcomes or order.index(outcome) > order.index(outcomes[test_id]):
            outcomes[test_id] = outcome
    return outcomes


def blank(message: str) -> str:
    """A warning message without what changes from run to run: addresses, numbers, paths' lines."""
    message = re.sub(r"0x[0-9a-f]+", "0x…", message)
    return re.sub(r"\d+", "N", message).strip()


def warning_messages(output: str) -> list[str]:
    """The "Category: message" lines of pytest's warnings summary, blanked and deduplicated."""
    section = re.search(r"=+ warnings summary =+\n(.*?)(?:\n-- Docs:|\n=+ )", output, re.DOTALL)
    found: set[str] = set()
    if section:
        for line in section.group(1).splitlines():
            match = WARNING_MESSAGE.match(line)
            if match:
                found.add(f"{match.group(1)}: {blank(match.group(2))}")
    for line in output.splitlines():
        if TASK_DESTROYED in line or NEVER_RETRIEVED in line:
            found.add(blank(line.split(" - ")[-1] if " - " in line else line)[:200])
    return sorted(found)


def run_suite(lib: Library, python: Path, tree: Path, out: Path, name: str,
              test_timeout: int, suite_timeout: int) -> SuiteRun:
    """Run the suite on TREE (first on PYTHONPATH); junit, log and parsed results under OUT."""
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    path = [str((tree / lib.import_root).resolve())]
    plugin: list[str] = []
    if lib.plugin:
        (out / "plugin").mkdir(exist_ok=True)
        (out / "plugin" / "fix_suites_plugin.py").write_text(lib.plugin)
        path.append(str((out / "plugin").resolve()))
        plugin = ["-p", "fix_suites_plugin"]
    env.update(PYTHONPATH=os.pathsep.join(path), PYTHONDONTWRITEBYTECODE="1",
               PYTHONUNBUFFERED="1", PYTHONASYNCIODEBUG="")
    env.pop("PYTHONASYNCIODEBUG")
    where = check([str(python), "-c", f"import {lib.module}; print({lib.module}.__file__)"],
                  cwd=tree, env=env).strip().splitlines()[-1]
    if not Path(where).resolve().is_relative_to(tree.resolve()):
        raise RuntimeError(f"{lib.module} imported from {where}, not from {tree}")
    junit = out / f"{name}.xml"
    junit.unlink(missing_ok=True)
    log = out / f"{name}.log"
    cmd = [str(python), "-m", "pytest", *plugin, *lib.pytest_args, f"--junitxml={junit}",
           f"--timeout={test_timeout}", "-p", "no:cacheprovider", "-o", "junit_logging=no",
           "-rN", "--color=no"]
    started = time.monotonic()
    code, output = run(cmd, cwd=tree, env=env, timeout=suite_timeout, log=log)
    seconds = time.monotonic() - started
    summaries = SUMMARY_LINE.findall(output)
    summary = summaries[-1] if summaries else "suite timed out" if code is None else f"exit {code}"
    warns = re.search(r"(\d+) warnings?", summary)
    result = SuiteRun(
        outcomes=parse_junit(junit), seconds=round(seconds, 1), suite_timed_out=code is None,
        summary=summary, warnings=int(warns.group(1)) if warns else 0,
        warning_messages=warning_messages(output), task_destroyed=output.count(TASK_DESTROYED),
        never_retrieved=output.count(NEVER_RETRIEVED), log=str(log))
    (out / f"{name}.json").write_text(json.dumps(asdict(result), indent=1))
    return result


def baseline(lib: Library, python: Path, tree: Path, work: Path, test_timeout: int,
             suite_timeout: int, fresh: bool) -> tuple[SuiteRun, SuiteRun]:
    out = work / f"{lib.name}-{lib.version}" / f"baseline-{key(lib, test_timeout, suite_timeout)}"
    runs = []
    for name in ("baseline-1", "baseline-2"):
        cached = out / f"{name}.json"
        if cached.exists() and not fresh:
            runs.append(SuiteRun(**json.loads(cached.read_text())))
        else:
            print(f"  {lib.name}: {name}", file=sys.stderr, flush=True)
            runs.append(run_suite(lib, python, tree, out, name, test_timeout, suite_timeout))
    return runs[0], runs[1]


def changed_files(before: Path, after: Path) -> list[str]:
    changed = []
    for path in sorted(after.rglob("*.py")):
        old = before / path.relative_to(after)
        if not old.exists() or old.read_bytes() != path.read_bytes():
            changed.append(str(path.relative_to(after)))
    return changed


def apply_fixes(lib: Library, taskleak: str, tree: Path, copy: Path, mode: str,
                results: Path) -> ModeResult:
    """Copy the untouched tree, save the diff, apply the fixes to the package's source."""
    copy_tree(tree, copy)
    flags = ["--unsafe-fixes"] if mode == "unsafe" else []
    stem = f"{lib.name}-{lib.version}-{mode}"
    fix = [taskleak, "fix", "--no-cache", "--exit-zero", *flags]
    _, diff = run([*fix, "--diff", lib.package], cwd=copy)
    (results / f"{stem}.diff").write_text(diff)
    _, output = run([*fix, "--show-fixes", lib.package], cwd=copy, log=results / f"{stem}.fix.log")
    result = ModeResult(mode=mode, diff=str(results / f"{stem}.diff"))
    match = FIXED_LINE.search(output)
    if match:
        result.fixes = int(match.group(1))
        result.fix_kinds = match.group(3) or ""
    result.fix_errors = [line.strip() for line in output.splitlines() if "internal error" in line]
    result.files_changed = changed_files(tree, copy)
    return result


def compare(base: tuple[SuiteRun, SuiteRun], after: SuiteRun, result: ModeResult,
            flaky: set[str]) -> None:
    first, second = base
    bad = {"failed", "error", "timeout"}
    result.tests = len(after.outcomes)
    result.seconds = after.seconds
    result.suite_timed_out = after.suite_timed_out
    result.summary = after.summary
    result.warnings = after.warnings
    result.task_destroyed = after.task_destroyed
    result.never_retrieved = after.never_retrieved
    known = set(first.warning_messages) | set(second.warning_messages)
    result.new_warning_messages = [m for m in after.warning_messages if m not in known]
    for test_id, was in first.outcomes.items():
        if test_id in flaky:
            continue
        now = after.outcomes.get(test_id)
        if now is None:
            result.missing.append(test_id)
        elif now == was or (now in bad and was in bad and now != "timeout"):
            continue
        elif now == "timeout":
            result.hangs.append(test_id)
        elif now == "failed":
            result.new_failures.append(test_id)
        elif now == "error":
            result.new_errors.append(test_id)
        elif was in bad and now == "passed":
            result.now_passing.append(test_id)
    for test_id, now in after.outcomes.items():  # tests the baseline never had
        if test_id not in first.outcomes and test_id not in flaky and now in bad:
            {"timeout": result.hangs, "failed": result.new_failures,
             "error": result.new_errors}[now].append(test_id)


def measure(lib: Library, args: argparse.Namespace, results: Path) -> LibraryResult:
    outcome = LibraryResult(lib.name, lib.version)
    work: Path = args.work
    print(f"{lib.name} {lib.version}: preparing", file=sys.stderr, flush=True)
    tree, python = prepare(lib, work)
    base = baseline(lib, python, tree, work, args.test_timeout, args.suite_timeout,
                    args.fresh_baseline)
    first, second = base
    flaky = {t for t in set(first.outcomes) | set(second.outcomes)
             if first.outcomes.get(t) != second.outcomes.get(t)}
    outcome.flaky = sorted(flaky)
    outcome.tests = len(first.outcomes)
    outcome.baseline_seconds = max(first.seconds, second.seconds)
    outcome.baseline_summary = first.summary
    outcome.baseline_failing = sum(1 for t, o in first.outcomes.items()
                                   if o in ("failed", "error", "timeout") and t not in flaky)
    outcome.baseline_warnings = max(first.warnings, second.warnings)
    outcome.baseline_task_destroyed = max(first.task_destroyed, second.task_destroyed)
    outcome.baseline_never_retrieved = max(first.never_retrieved, second.never_retrieved)
    for mode in args.modes:
        print(f"  {lib.name}: {mode} fixes", file=sys.stderr, flush=True)
        copy = work / f"{lib.name}-{lib.version}" / mode
        result = apply_fixes(lib, args.taskleak, tree, copy, mode, results)
        style = check_fix(tree, copy, result.files_changed, lib.import_root, lib.module, work,
                          work / f"{lib.name}-{lib.version}")
        result.linters, result.new_complaints = style.linters, style.new_complaints
        result.oldest_python, result.imports = f"{style.floor} ({style.python})", style.imports
        after = run_suite(lib, python, copy, results, f"{lib.name}-{lib.version}-{mode}",
                          args.test_timeout, args.suite_timeout)
        compare(base, after, result, flaky)
        outcome.modes.append(result)
    return outcome


def ids(items: list[str], limit: int = 3) -> str:
    if not items:
        return "0"
    shown = ", ".join(f"`{i}`" for i in items[:limit])
    return f"{len(items)}: {shown}" + (f" (+{len(items) - limit})" if len(items) > limit else "")


def report(outcomes: list[LibraryResult]) -> str:
    lines = [
        "| library | tests | flaky | mode | fixes | files | new failures | new errors | hangs "
        "| warnings (base → fixed) | destroyed pending / never retrieved (base → fixed) |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lib in outcomes:
        if lib.error:
            lines.append(f"| {lib.name} {lib.version} | error: {lib.error.splitlines()[0][:120]} "
                         "| | | | | | | | | |")
            continue
        for mode in lib.modes:
            hangs = len(mode.hangs) + (1 if mode.suite_timed_out else 0)
            lines.append(
                f"| {lib.name} {lib.version} | {lib.tests} | {len(lib.flaky)} | {mode.mode} "
                f"| {mode.fixes}{f' ({mode.fix_kinds})' if mode.fix_kinds else ''} "
                f"| {len(mode.files_changed)} | {len(mode.new_failures)} "
                f"| {len(mode.new_errors)} | {hangs} | {lib.baseline_warnings} → {mode.warnings} "
                f"| {lib.baseline_task_destroyed} / {lib.baseline_never_retrieved} → "
                f"{mode.task_destroyed} / {mode.never_retrieved} |")
    details = []
    for lib in outcomes:
        for mode in lib.modes:
            parts = [("new failures", mode.new_failures), ("new errors", mode.new_errors),
                     ("hangs", mode.hangs), ("not run", mode.missing),
                     ("new warning messages", mode.new_warning_messages),
                     ("taskleak errors", mode.fix_errors)]
            found = [f"  - {label}: {ids(items, 10)}" for label, items in parts if items]
            if mode.suite_timed_out:
                found.append("  - the whole suite timed out")
            if found:
                details.append(f"- {lib.name} {lib.version}, {mode.mode} ({mode.fix_kinds}; "
                               f"diff: {mode.diff}):")
                details.extend(found)
        if lib.flaky:
            details.append(f"- {lib.name} {lib.version}: flaky in the baseline, left out: "
                           f"{ids(lib.flaky, 10)}")
    tools = ["", "| library | mode | the project's linters | new complaints on changed lines "
             "| oldest Python declared (used) | the fixed package imports |",
             "|---|---|---|---|---|---|"]
    for lib in outcomes:
        for mode in lib.modes:
            complaints = "; ".join(f"`{c}`" for c in mode.new_complaints[:5])
            tools.append(f"| {lib.name} {lib.version} | {mode.mode} "
                         f"| {', '.join(mode.linters) or 'none configured'} "
                         f"| {len(mode.new_complaints)}{': ' + complaints if complaints else ''} "
                         f"| {mode.oldest_python} | {mode.imports} |")
    return "\n".join([*lines, *tools, *([""] if details else []), *details]) + "\n"


def source_commit(taskleak: str) -> str:
    """The git commit of the source the taskleak executable runs (+ "-dirty" with changes)."""
    executable = shutil.which(taskleak) or taskleak
    with open(executable, "rb") as handle:
        first = handle.readline().decode(errors="replace")
    python = first[2:].strip() if first.startswith("#!") else sys.executable
    code, where = run([python, "-c", "import taskleak; print(taskleak.__file__)"])
    if code != 0:
        return "unknown"
    folder = str(Path(where.strip().splitlines()[-1]).parent)
    commit = run(["git", "-C", folder, "rev-parse", "--short", "HEAD"])
    dirty = run(["git", "-C", folder, "status", "--porcelain", "--untracked-files=no"])
    if commit[0] != 0:
        return "unknown (not a git checkout)"
    return commit[1].strip() + ("-dirty" if dirty[1].strip() else "")


def main() -> None:
    here = Path(sys.executable).parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/work/fix-suites-work"),
                        help="downloads, venvs, trees, baselines, results (default: %(default)s)")
    beside = here / "taskleak"
    parser.add_argument("--taskleak",
                        default=str(beside) if beside.exists() else shutil.which("taskleak"),
                        help="the taskleak executable (default: the one next to this Python, "
                        "else the one on PATH)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--only", help="comma-separated library names")
    parser.add_argument("--modes", default="safe,unsafe", help="default: %(default)s")
    parser.add_argument("--test-timeout", type=int, default=60, help="seconds per test")
    parser.add_argument("--suite-timeout", type=int, default=900, help="seconds per suite run")
    parser.add_argument("--fresh-baseline", action="store_true", help="rerun the baselines")
    args = parser.parse_args()
    if not args.taskleak:
        parser.error("no taskleak next to this Python nor on PATH: pass --taskleak")
    args.modes = [m for m in args.modes.split(",") if m]
    args.work = args.work.resolve()
    chosen = [lib for lib in LIBRARIES
              if not args.only or lib.name in args.only.split(",")]
    results = args.work / "results"
    results.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    commit = source_commit(args.taskleak)
    outcomes = []
    for lib in chosen:
        try:
            outcomes.append(measure(lib, args, results))
        except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
            outcomes.append(LibraryResult(lib.name, lib.version, error=str(exc)))
            print(f"{lib.name}: {exc}", file=sys.stderr)
    version = run([args.taskleak, "--version"])[1].strip()
    data = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "python": sys.version.split()[0], "taskleak": version, "taskleak_commit": commit,
            "taskleak_commit_at_end": source_commit(args.taskleak),  # it may change meanwhile
            "seconds": round(time.monotonic() - started),
            "libraries": [asdict(o) for o in outcomes]}
    (results / "results.json").write_text(json.dumps(data, indent=1))
    if args.json:
        args.json.write_text(json.dumps(data, indent=1))
    print(f"{data['date']}, Python {data['python']}, {version} at {data['taskleak_commit']}, "
          f"{data['seconds']} s\n")
    print(report(outcomes))


if __name__ == "__main__":
    main()

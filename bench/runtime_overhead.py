"""What taskleak's site-recording task factory costs per task, and the plugin per test suite.

    python bench/runtime_overhead.py [--tasks 20000] [--repeat 7]
    python bench/runtime_overhead.py --suite 5000 [--repeat 3]

Each round creates tasks in batches of 100 with `loop.create_task`, runs them to completion with
`gather` and lets them be freed: the whole life of a task, since the factory adds work at
creation (a frame walk and a weak reference) and at death (the weak reference's callback).
Modes: plain asyncio; with `taskleak.runtime.install()`; asyncio debug mode, which is how other
tools get a creation stack. The best of the rounds is kept (the least disturbed by other load),
modes interleaved so that drift hits them all alike. It prints nanoseconds per task.

`--suite N` measures the pytest plugin instead (issue 72: a cost that grows with the suite): a
generated suite of N trivial async tests (pytest-asyncio, one loop per test, each test creates
and awaits one task), run by `python -m pytest` without and with `--taskleak`, interleaved, in
the same run. It prints the best (the least disturbed by other load) and the median of the wall
time, CPU time (user + system, steadier than wall time on a loaded machine) and peak memory (the
pytest process's maximum resident set) of each, from `wait4`, and the plugin's share. The child
imports the `taskleak` that `PYTHONPATH` or the environment gives it: set `PYTHONPATH` to measure
a checkout that is not installed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from taskleak.runtime import install

MODES = ("plain", "taskleak", "debug")
BATCH = 100


async def noop() -> None:
    pass


async def lifecycle(tasks: int) -> float:
    """Nanoseconds per task to create, run and free `tasks` tasks."""
    loop = asyncio.get_running_loop()
    rounds = max(1, tasks // BATCH)
    start = time.perf_counter_ns()
    for _ in range(rounds):
        batch = [loop.create_task(noop()) for _ in range(BATCH)]
        await asyncio.gather(*batch)
        del batch
    return (time.perf_counter_ns() - start) / (rounds * BATCH)


async def creation_only(tasks: int) -> float:
    """Nanoseconds per `create_task` call alone (the tasks then run untimed)."""
    loop = asyncio.get_running_loop()
    rounds = max(1, tasks // BATCH)
    spent = 0
    for _ in range(rounds):
        start = time.perf_counter_ns()
        batch = [loop.create_task(noop()) for _ in range(BATCH)]
        spent += time.perf_counter_ns() - start
        await asyncio.gather(*batch)
    return spent / (rounds * BATCH)


def measure(mode: str, tasks: int) -> tuple[float, float]:
    async def main() -> tuple[float, float]:
        if mode == "taskleak":
            install()
        await lifecycle(min(tasks, 2000))  # warm-up
        return (await lifecycle(tasks), await creation_only(tasks))

    return asyncio.run(main(), debug=mode == "debug")


TESTS_PER_FILE = 100
SUITE_MODES = {"without": "--no-taskleak", "with": "--taskleak"}
_TEST = """

async def test_{n}() -> None:
    await asyncio.create_task(asyncio.sleep(0))
"""


def write_suite(folder: Path, tests: int) -> None:
    """`tests` trivial async tests, `TESTS_PER_FILE` to a module."""
    for first in range(0, tests, TESTS_PER_FILE):
        last = min(first + TESTS_PER_FILE, tests)
        body = "".join(_TEST.format(n=n) for n in range(first, last))
        (folder / f"test_gen_{first:06d}.py").write_text(f"import asyncio\n{body}")


def run_suite(folder: Path, flag: str, tests: int) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak resident MiB) of one pytest run over the suite."""
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        "-o", "asyncio_mode=auto", "-o", "asyncio_default_fixture_loop_scope=function",
        "-o", "addopts=", flag, str(folder),
    ]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = child.stdout.read() if child.stdout is not None else b""
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0 or f"{tests} passed".encode() not in out:
        sys.exit(f"pytest {flag} failed (exit {code}):\n{out.decode()[-3000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def suite(tests: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_suite(folder, tests)
        runs: dict[str, list[tuple[float, float, float]]] = {mode: [] for mode in SUITE_MODES}
        for _ in range(repeat):
            for mode, flag in SUITE_MODES.items():
                runs[mode].append(run_suite(folder, flag, tests))
    print(f"Python {platform.python_version()} on {platform.machine()}, {tests} async tests, "
          f"{repeat} interleaved runs, load {os.getloadavg()[0]:.2f}")
    for label, pick in (("best", min), ("median", statistics.median)):
        _print_suite(label, {mode: tuple(pick(run[i] for run in done) for i in range(3))
                             for mode, done in runs.items()})


def _print_suite(label: str, figures: dict[str, tuple[float, ...]]) -> None:
    print(f"{label:<8} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9}")
    for mode, (seconds, cpu, mib) in figures.items():
        print(f"{mode:<8} {seconds:>8.2f} {cpu:>8.2f} {mib:>9.1f}")
    (base_s, base_c, base_m), (with_s, with_c, with_m) = figures["without"], figures["with"]
    print(f"plugin adds {with_s - base_s:+.2f} s ({(with_s - base_s) / base_s:+.1%}) wall time, "
          f"{with_c - base_c:+.2f} s ({(with_c - base_c) / base_c:+.1%}) CPU time, "
          f"{with_m - base_m:+.1f} MiB peak memory")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=20000, help="tasks per round")
    parser.add_argument("--repeat", type=int, default=7,
                        help="rounds per mode (best kept; with --suite, best and median)")
    parser.add_argument("--suite", type=int, metavar="N", default=0,
                        help="measure the pytest plugin on N generated async tests instead")
    args = parser.parse_args()
    if args.suite:
        suite(args.suite, args.repeat)
        return
    best = {mode: (float("inf"), float("inf")) for mode in MODES}
    for _ in range(args.repeat):
        for mode in MODES:
            life, create = measure(mode, args.tasks)
            best[mode] = (min(best[mode][0], life), min(best[mode][1], create))
    print(f"Python {platform.python_version()} on {platform.machine()}, {args.tasks} tasks/round")
    print(f"{'mode':<10} {'lifecycle ns/task':>18} {'create_task ns':>15} {'overhead/task':>14}")
    plain_life = best["plain"][0]
    for mode in MODES:
        life, create = best[mode]
        extra = life - plain_life
        note = "" if mode == "plain" else f"{extra:+.0f} ns ({extra / plain_life:+.0%})"
        print(f"{mode:<10} {life:>18.0f} {create:>15.0f} {note:>14}")


if __name__ == "__main__":
    main()

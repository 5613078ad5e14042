"""Run real asyncio libraries' own test suites with and without `pytest --taskleak`.

    python bench/runtime_suites.py --python /path/to/venv/bin/python --suites DIR [--rounds 5]

DIR holds the unpacked, pinned sdists named below (aiojobs-1.4.0/, janus-2.0.0/, ...), installed
in the virtual environment of `--python` together with their test dependencies and taskleak
(bench/RESULTS.md says how). Nothing is fetched: it runs offline. For each suite it reports:

- the tests that fail (or error) only with the plugin: each one is a leak or a false failure;
- the leaks the plugin found (test, task, creation site), from its summary;
- the wall time of the whole pytest run without and with the plugin, the median of `--rounds`
  interleaved runs (A, B, A, B, ...), and the overhead.

Outcomes come from `--junitxml`, leaks from the plugin's terminal summary.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

# The suites, each with the arguments its own CI uses; `-o addopts=` drops coverage options
# (pytest-cov) where a suite sets them, `--ignore` drops benchmarks that need pytest-codspeed.
SUITES: dict[str, list[str]] = {
    "aiojobs-1.4.0": [
        "tests",
        "-o",
        "asyncio_mode=auto",  # aiojobs' pytest settings are not in its sdist
        "-o",
        "asyncio_default_fixture_loop_scope=function",
    ],
    "janus-2.0.0": ["tests", "-o", "addopts=", "--ignore", "tests/test_benchmarks.py"],
    "aiosmtplib-5.1.3": ["tests"],
    "httpcore-1.0.9": ["tests", "-o", "asyncio_default_fixture_loop_scope=function"],
    "asgiref-3.13.0": ["tests"],
}

WITHOUT = ["--no-taskleak"]
WITH = ["--taskleak"]


@dataclass
class Run:
    seconds: float
    failing: dict[str, str]  # test id -> first line of its failure or error
    summary: dict[str, str] = field(default_factory=dict)  # test id -> taskleak summary
    total: int = 0


def run_suite(python: str, folder: Path, args: list[str], extra: list[str]) -> Run:
    with tempfile.TemporaryDirectory() as tmp:
        junit = Path(tmp) / "junit.xml"
        command = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args, *extra]
        command += [f"--junitxml={junit}", "-o", "junit_family=xunit2"]
        started = time.perf_counter()
        done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        failing, total = _outcomes(junit) if junit.exists() else ({}, 0)
    if total == 0:
        sys.exit(f"{folder.name}: no test ran\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return Run(seconds, failing, _summary(done.stdout), total)


def _outcomes(junit: Path) -> tuple[dict[str, str], int]:
    failing: dict[str, str] = {}
    total = 0
    for case in ET.parse(junit).getroot().iter("testcase"):
        total += 1
        test = f"{case.get('classname')}::{case.get('name')}"
        for child in case:
            if child.tag in ("failure", "error"):
                text = (child.get("message") or child.text or "").strip()
                failing[test] = text.splitlines()[0][:160] if text else child.tag
    return failing, total


def _summary(stdout: str) -> dict[str, str]:
    """The plugin's summary: `nodeid: N tasks leaked:` and the lines under it."""
    section = stdout.split("taskleak: tasks left running by tests", 1)
    if len(section) < 2:
        return {}
    found: dict[str, str] = {}
    current = ""
    for line in section[1].splitlines()[1:]:
        if line.startswith("=") or line.startswith("runtime report:"):
            break
        head = re.match(r"^(\S+::\S.*?): (\d+ tasks? leaked:)$", line)
        if head:
            current = head.group(1)
            found[current] = ""
        elif current and line.startswith("  - "):
            found[current] += line.strip()[2:] + "\n"
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", required=True, help="the venv's python, suites installed")
    parser.add_argument("--suites", required=True, type=Path, help="folder of unpacked sdists")
    parser.add_argument("--rounds", type=int, default=5, help="timed runs per configuration")
    parser.add_argument("--only", nargs="*", default=None, help="suite names to run")
    parser.add_argument("--plugin-args", default="", help="extra arguments for the plugin runs")
    options = parser.parse_args()
    with_args = WITH + options.plugin_args.split()
    rows = []
    for name, args in SUITES.items():
        if options.only and not any(name.startswith(o) for o in options.only):
            continue
        folder = options.suites / name
        if not folder.is_dir():
            print(f"{name}: not found under {options.suites}, skipped", file=sys.stderr)
            continue
        without: list[Run] = []
        with_plugin: list[Run] = []
        for _ in range(options.rounds):
            without.append(run_suite(options.python, folder, args, WITHOUT))
            with_plugin.append(run_suite(options.python, folder, args, with_args))
        base, checked = without[0], with_plugin[0]
        only_with = {t: m for t, m in checked.failing.items() if t not in base.failing}
        plain = statistics.median(r.seconds for r in without)
        timed = statistics.median(r.seconds for r in with_plugin)
        rows.append((name, base.total, len(base.failing), only_with, checked.summary, plain, timed))
        print(f"\n## {name}: {base.total} tests, {len(base.failing)} fail without the plugin")
        print(f"fail only with the plugin: {len(only_with)}")
        for test, message in sorted(only_with.items()):
            print(f"  - {test}: {message}")
        print(f"leaks in the plugin's summary: {len(checked.summary)} tests")
        for test, text in sorted(checked.summary.items()):
            print(f"  - {test}:\n      " + "\n      ".join(text.rstrip().splitlines()))
        print(
            f"time (median of {options.rounds}): {plain:.2f} s without, {timed:.2f} s with, "
            f"{(timed / plain - 1) * 100:+.1f}%"
        )
    print("\n| suite | tests | fail without | fail only with | leaks | without | with | overhead |")
    print("|---|---|---|---|---|---|---|---|")
    for name, total, failing, only_with, summary, plain, timed in rows:
        print(
            f"| {name} | {total} | {failing} | {len(only_with)} | {len(summary)} | "
            f"{plain:.2f} s | {timed:.2f} s | {(timed / plain - 1) * 100:+.1f}% |"
        )


if __name__ == "__main__":
    main()

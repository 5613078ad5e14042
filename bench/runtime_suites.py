"""Run real asyncio libraries' own test suites with and without `pytest --taskleak`.

    python bench/runtime_suites.py --python /path/to/venv/bin/python --suites DIR [--rounds 5]

DIR holds the unpacked, pinned sdists named below (aiojobs-1.4.0/, janus-2.0.0/, ...), installed
in the virtual environment of `--python` together with their test dependencies and taskleak
(bench/RESULTS.md says how for the first five; `--setup` prints it for the others, one venv
each: run those with `--only`). Nothing is fetched: it runs offline. For each suite it reports:

- the tests that fail (or error) only with the plugin: each one is a leak or a false failure;
- the plugin's closing line: how many async tests it checked;
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
    # issue 72, item 5: four kinds not tried before, each in a venv of its own
    "aiogram-3.31.0": ["tests", "-o", "asyncio_default_fixture_loop_scope=function"],
    # amqtt 0.11.4 from its git tag (the sdist ships no tests), on pytest 8.4.2 (its fixtures
    # carry marks, an error on pytest 9); test_ldap needs python-ldap and a docker service
    "amqtt-0.11.4": ["tests", "-o", "addopts=", "--ignore", "tests/contrib/test_ldap.py"],
    # the async driver against fake connections (tests/unit/sync is generated from it)
    "neo4j-5.25.0": [
        "tests/unit/async_",
        "tests/unit/mixed",
        "-o",
        "asyncio_default_fixture_loop_scope=function",
    ],
    "starlette-1.10.0": ["tests"],
}

# Where the four suites of issue 72 (item 5) come from and what their venv holds, pinned: each
# has a venv of its own (`python -m venv V && V/bin/pip install taskleak REQUIREMENTS...` from
# the suite's folder; `--setup` prints the commands). The first five shared one venv (see
# bench/RESULTS.md). Two ship no tests in their sdist and are taken from their git tags.
SOURCES: dict[str, str] = {
    "aiogram-3.31.0": "sdist: pip download --no-deps --no-binary :all: aiogram==3.31.0",
    "amqtt-0.11.4": "git tag v0.11.4 of Yakifo/amqtt (its sdists ship no tests)",
    "neo4j-5.25.0": "git tag 5.25.0 of neo4j/neo4j-python-driver (its sdist ships no tests)",
    "starlette-1.10.0": "sdist: pip download --no-deps --no-binary :all: starlette==1.10.0",
}
REQUIREMENTS: dict[str, str] = {  # pip arguments, from the suite's folder
    "aiogram-3.31.0": "-e .[redis,mongo,proxy,i18n,signature] pytest==9.2.0 "
    "pytest-asyncio==1.5.0 pytest-mock==3.15.1 pytest-aiohttp==1.1.0 aiohttp==3.14.5 "
    "aresponses==3.0.0 pytz==2025.2 pycryptodomex==3.23.0",
    "amqtt-0.11.4": "-e . pytest==8.4.2 pytest-asyncio==1.5.0 pytest-timeout==2.4.0 "
    "pytest-logdog==0.1.0 pytest-docker==3.2.6 aiosqlite==0.22.1 greenlet==3.5.6 "
    "SQLAlchemy==2.1.9 hypothesis==6.170.17 paho-mqtt==2.2.0 psutil==7.2.2 PyHamcrest==2.1.0 "
    "pyOpenSSL==26.4.0 cryptography==50.0.2 argon2-cffi==25.1.0 aiohttp==3.14.5 PyJWT==2.15.1 "
    "mergedeep==1.3.4 jsonschema==4.26.0",
    "neo4j-5.25.0": "-e . pytest==9.2.0 pytest-asyncio==1.5.0 pytest-mock==3.15.1 "
    "pytest-benchmark==5.3.1 freezegun==1.5.5 mock==5.2.0 pytz==2026.6 numpy==2.4.6 "
    "pandas==3.1.1 pyarrow==26.0.1",
    # anyio's pytest plugin runs starlette's tests: no pytest-asyncio in its venv
    "starlette-1.10.0": "-e .[full] pytest==9.2.0 anyio==4.16.0 trio==0.35.0 httpx==0.28.1 "
    "httpx2[zstd]==2.16.2 opentelemetry-sdk==1.45.2 blockbuster==1.5.29",
}

WITHOUT = ["--no-taskleak"]
WITH = ["--taskleak"]


@dataclass
class Run:
    seconds: float
    failing: dict[str, str]  # test id -> first line of its failure or error
    summary: dict[str, str] = field(default_factory=dict)  # test id -> taskleak summary
    total: int = 0
    checked: str = ""  # the plugin's closing line ("taskleak: N async tests checked ...")


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
    closing = re.search(r"^taskleak: \d+ async tests? checked.*$", done.stdout, re.MULTILINE)
    return Run(seconds, failing, _summary(done.stdout), total, closing[0] if closing else "")


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


def _print_setup(suites: Path, only: list[str] | None) -> None:
    for name, requirements in REQUIREMENTS.items():
        if only and not any(name.startswith(o) for o in only):
            continue
        venv = f"/tmp/venv-{name}"
        print(f"# {name}: {SOURCES[name]}")
        print(f"cd {suites / name} && python -m venv {venv}")
        print(f"{venv}/bin/pip install TASKLEAK_CHECKOUT {requirements}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="the venv's python, suites installed (required)")
    parser.add_argument("--suites", required=True, type=Path, help="folder of unpacked sdists")
    parser.add_argument("--rounds", type=int, default=5, help="timed runs per configuration")
    parser.add_argument("--only", nargs="*", default=None, help="suite names to run")
    parser.add_argument("--plugin-args", default="", help="extra arguments for the plugin runs")
    parser.add_argument(
        "--setup", action="store_true", help="print how to set up each suite's venv, and stop"
    )
    options = parser.parse_args()
    if options.setup:
        _print_setup(options.suites, options.only)
        return
    if not options.python:
        parser.error("the following arguments are required: --python")
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
        print(checked.checked or "taskleak: no closing line")
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

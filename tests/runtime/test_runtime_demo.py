"""The websocket demo: connect and disconnect 10 times on loopback, count what is left.

The leaky server leaves one more task per cycle, created at the very line `taskleak check`
reports as TL101; the fixed server stays flat, and its spawn is a low (tracked) finding; and
`taskleak fix` (safe: it only keeps a reference) keeps the task without changing what the server
does, so its count still grows: ending the task on close is a change only an unsafe fix or the
author makes.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import chat_client
import fixed_server
import leaky_server
import pytest
from click.testing import CliRunner
from helpers import check_paths
from runtime_helpers import line_of

from taskleak.cli import main
from taskleak.runtime import confirm, load_runtime_report

LEAKY = os.path.abspath(leaky_server.__file__)
FIXED = os.path.abspath(fixed_server.__file__)
# a site's function is the qualified name from 3.11 on (code objects gained co_qualname)
SPAWNING_FUNCTION = (
    "ServiceContext.handle_config_switch" if sys.version_info >= (3, 11) else "handle_config_switch"
)


@pytest.mark.asyncio
async def test_leaky_server_leaks_one_task_per_client_at_its_spawn_line(tmp_path: Path) -> None:
    report = tmp_path / "runtime.json"
    counts, leaks = await chat_client.run_cycles(leaky_server, cycles=10, report=str(report))
    assert counts == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    spawn_line = line_of(LEAKY, "asyncio.create_task(")
    assert len(leaks) == 10
    for leak in leaks:
        assert leak.created_at is not None
        assert (leak.created_at.path, leak.created_at.line) == (LEAKY, spawn_line)
        assert leak.created_at.function == SPAWNING_FUNCTION
        assert leak.coroutine == "ServiceContext._finish_heavy_init"
        assert leak.suspended_at is not None
        assert leak.suspended_at.line == line_of(LEAKY, "await asyncio.sleep(WARMUP_INTERVAL)")
    (entry,) = load_runtime_report(report)
    assert (entry.path, entry.line, entry.count) == (LEAKY, spawn_line, 10)


@pytest.mark.asyncio
async def test_fixed_server_stays_flat() -> None:
    counts, leaks = await chat_client.run_cycles(fixed_server, cycles=10)
    assert counts == [0] * 10
    assert leaks == []


@pytest.mark.asyncio
async def test_the_runtime_leak_confirms_the_static_finding(tmp_path: Path) -> None:
    report = tmp_path / "runtime.json"
    await chat_client.run_cycles(leaky_server, cycles=3, report=str(report))
    static = check_paths([Path(LEAKY), Path(FIXED)], jobs=None)
    spawn_line = line_of(LEAKY, "asyncio.create_task(")
    (high,) = [f for f in static.findings if f.rule == "TL101"]
    assert high.line == spawn_line
    assert Path(high.path).resolve() == Path(LEAKY).resolve()
    (low,) = [f for f in static.findings if Path(f.path).resolve() == Path(FIXED).resolve()]
    assert low.risk.value == "low"  # tracked and cancelled in close(): flat at runtime too

    confirmed, runtime_only = confirm(static.findings, load_runtime_report(report), Path.cwd())
    assert runtime_only == []
    assert [f.rule for f in confirmed if f.confirmed] == ["TL101"]
    (row,) = [f.to_json() for f in confirmed if f.confirmed]
    assert row["confirmed_at_runtime"] is True


@pytest.mark.asyncio
async def test_taskleak_fix_keeps_the_task_and_changes_nothing_else(tmp_path: Path) -> None:
    fixed_path = tmp_path / "autofixed_server.py"
    shutil.copy(LEAKY, fixed_path)
    fixed = CliRunner().invoke(main, ["fix", "--isolated", "--no-cache", str(fixed_path)])
    assert fixed.exit_code == 0, fixed.output
    text = fixed_path.read_text()
    assert text != Path(LEAKY).read_text()
    assert ".cancel()" not in text  # a safe fix stops nothing
    static = check_paths([fixed_path], jobs=None)
    assert [f.rule for f in static.findings] != ["TL101"]  # no longer dropped

    spec = importlib.util.spec_from_file_location("autofixed_server", fixed_path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    counts, leaks = await chat_client.run_cycles(module, cycles=10)
    assert counts == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]  # what the original does: unchanged
    assert len(leaks) == 10  # the same ten tasks left running as the original leaves

"""A call that drops the task another function returns (the project join's finding) gets the
tracked-set fix like a spawn: advertised by `check`, applied by `fix`, green afterwards."""

from __future__ import annotations

from pathlib import Path

from helpers import check_paths, fix_paths

from taskleak.fixer.apply import fix_source
from taskleak.model import FixKind, Risk
from taskleak.settings import Settings

EVENTS = '''\
import asyncio


async def notify(listener):
    await asyncio.sleep(0)


def schedule(listener):
    return asyncio.create_task(notify(listener))
'''
CLIENT = '''\
from events import schedule


class Client:
    def __init__(self):
        self.listeners = []

    def dispatch(self):
        for listener in self.listeners:
            schedule(listener)
'''


def test_a_dropped_returned_task_is_advertised_fixed_and_green(tmp_path: Path) -> None:
    (tmp_path / "events.py").write_text(EVENTS)
    (tmp_path / "client.py").write_text(CLIENT)
    settings = Settings()
    result = check_paths([tmp_path], settings)
    (row,) = [f for f in result.findings if f.risk is not Risk.LOW]
    assert row.path.endswith("client.py") and row.line == 10
    assert row.fix is not None and (row.fix.kind, row.fix.safe) == (FixKind.TRACKED_SET, True)
    fixes = fix_paths([tmp_path], settings)
    assert [(a.line, a.kind) for _, a in fixes.applied] == [(10, FixKind.TRACKED_SET)]
    fixed = (tmp_path / "client.py").read_text()
    # in a loop a new local would keep the last task after it is done: the keep-helper
    assert "            _keep_task(schedule(listener))\n" in fixed
    assert "_background_tasks: set[asyncio.Task[Any]] = set()" in fixed
    again = check_paths([tmp_path], settings)
    assert all(f.risk is Risk.LOW for f in again.findings)


def test_without_the_joins_targets_a_module_alone_does_not_know_the_call() -> None:
    assert fix_source(CLIENT.encode()).applied == []
    result = fix_source(CLIENT.encode(), targets={(10, 13, "TL101")})
    assert len(result.applied) == 1

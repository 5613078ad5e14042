"""TL201 on a task kept in a local (a generator's, left at a `yield`) gets no fix, and the reason
says where the task is kept; a local that reaches an attribute says that instead."""

from __future__ import annotations

from pathlib import Path

from helpers import check_paths

from taskleak.settings import Settings

SOURCE = '''\
import asyncio
import contextlib


async def beat() -> None:
    while True:  # runs until cancelled: left at the `yield`, it runs for good (TL201)
        await asyncio.sleep(1)


@contextlib.asynccontextmanager
async def heartbeat():
    task = asyncio.create_task(beat())
    yield
    task.cancel()


class Session:
    def start(self) -> None:
        task = asyncio.create_task(beat())
        self._beat = task
'''


def test_the_no_fix_reason_names_the_local(tmp_path: Path) -> None:
    path = tmp_path / "gen.py"
    path.write_text(SOURCE)
    settings = Settings(unsafe_fixes=("TL201",))
    reasons = {f.line: (f.rule, f.no_fix_reason) for f in check_paths([path], settings).findings}
    assert reasons[12] == ("TL201", "the task is kept in the local `task` of heartbeat(): where "
                                    "it should end there (a `finally`) is a design decision")
    assert reasons[19] == ("TL201", "the task reaches its attribute through the local `task`: "
                                    "taskleak only rewrites `self.x = <spawn>`")

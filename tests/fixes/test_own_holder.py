"""The await fix is declined when the awaited method cancels or awaits the task that would
await it (pysqueezebox 0.14.0's poll, reduced in `run/same/poll_cancelled_by_its_update.py`,
which `test_fix_same_behaviour` also runs before and after its fix)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import TESTS

from taskleak.advice.offers import offers
from taskleak.analysis.analyse import analyse_source
from taskleak.fixes.context import FixContext
from taskleak.model import FixKind
from taskleak.rules import judge

POLL = TESTS / "fixes" / "run" / "same" / "poll_cancelled_by_its_update.py"
SPAWN = "        asyncio.create_task(self.async_update())\n"


def _offers(code: str, function: str) -> tuple[list[FixKind], list[str]]:
    """The fix kinds offered for the spawn in `function`, and the reasons for the others."""
    analysis = analyse_source(code)
    ctx = FixContext(analysis)
    (sp, fates), = [(sp, fates) for sp, fates in zip(analysis.spawns, analysis.fates,
                                                       strict=True)
                    if sp.site.scope.name == function]
    found, reasons = offers(ctx, sp, judge(fates))
    return [o.kind for o in found], reasons


def _printed(path: Path) -> str:
    return subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                          timeout=60, check=True).stdout


def test_the_reduction_breaks_when_awaited(tmp_path: Path) -> None:
    """The case is the real shape: awaited by hand, the poll cancels itself."""
    awaited = tmp_path / "awaited.py"
    awaited.write_text(POLL.read_text().replace(SPAWN, "        await self.async_update()\n"))
    assert (_printed(POLL), _printed(awaited)) == ("volume 30\n", "volume 10\n")


def test_an_await_that_cancels_its_own_task_is_declined_with_its_reason() -> None:
    kinds, reasons = _offers(POLL.read_text(), "_async_poll")
    assert kinds == [FixKind.TRACKED_SET]
    assert ("async_update() cancels self._poll, the task running _async_poll(): awaited "
            "there, it would cancel itself") in reasons


@pytest.mark.parametrize(("old", "new", "reason"), [
    # what it calls cancels the holder
    ("        if self._poll and not self._poll.done():\n            self._poll.cancel()\n",
     "        self._stop_poll()\n",
     "async_update() (through _stop_poll()) cancels self._poll, the task running "
     "_async_poll(): awaited there, it would cancel itself"),
    # it awaits the holder
    ("        if self._poll and not self._poll.done():\n            self._poll.cancel()\n",
     "        if self._poll:\n            await self._poll\n",
     "async_update() awaits self._poll, the task running _async_poll(): awaited there, it "
     "would wait for itself"),
])
def test_what_the_awaited_method_calls_counts_and_an_await_counts(old: str, new: str,
                                                                  reason: str) -> None:
    code = POLL.read_text().replace(old, new).replace(
        "    async def _async_poll(", "    def _stop_poll(self) -> None:\n"
        "        if self._poll:\n            self._poll.cancel()\n\n"
        "    async def _async_poll(")
    assert new in code
    assert reason in _offers(code, "_async_poll")[1]


def test_an_update_that_leaves_the_holder_alone_may_be_awaited() -> None:
    code = POLL.read_text().replace(
        "        if self._poll and not self._poll.done():\n            self._poll.cancel()\n", "")
    kinds, _ = _offers(code, "_async_poll")
    assert FixKind.AWAIT in kinds

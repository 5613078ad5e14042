"""The await fix is declined when awaiting would hold up the caller that spawned the task
(`fixes/blocking_await.py`): discord.py 2.7.1's `Message.delete(delay=...)` and
python-engineio 4.15.1's tornado `open()`, reduced in `run/same/` (which
`test_fix_same_behaviour` runs before and after their fixes). Each decline has a near miss that
is still offered."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import TESTS
from test_own_holder import _offers

from taskleak.model import FixKind

SAME = TESTS / "fixes" / "run" / "same"
DELETE = SAME / "delete_after_a_delay.py"
OPEN = SAME / "open_waits_for_its_messages.py"


def _printed(path: Path) -> str:
    return subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                          timeout=60, check=True).stdout


@pytest.mark.parametrize(("program", "spawn", "awaited", "outputs"), [
    (DELETE, "            asyncio.create_task(delete(delay))\n",
     "            await delete(delay)\n",
     ("returned deleted False\n", "still waiting deleted False\n")),
    (OPEN, "        asyncio.ensure_future(self.handle())\n", "        await self.handle()\n",
     ("opened ['hello']\n", "open() still waiting []\n")),
])
def test_the_reductions_break_when_awaited(tmp_path: Path, program: Path, spawn: str,
                                           awaited: str, outputs: tuple[str, str]) -> None:
    """The cases are the real shapes: awaited by hand, the caller is held up."""
    changed = tmp_path / program.name
    changed.write_text(program.read_text().replace(spawn, awaited))
    assert (_printed(program), _printed(changed)) == outputs


# -- a delayed start -----------------------------------------------------------------------------
DELAYED = ("delete() first sleeps for delay: awaited, the caller would wait that long instead "
           "of going on at once")


def test_a_coroutine_that_first_sleeps_for_the_callers_delay_is_not_awaited() -> None:
    kinds, reasons = _offers(DELETE.read_text(), "delete")
    assert kinds == [FixKind.TRACKED_SET]
    assert DELAYED in reasons


@pytest.mark.parametrize(("old", "new", "reason"), [
    ("await asyncio.sleep(delay)", "await asyncio.sleep(self.delay)",
     DELAYED.replace("for delay", "for self.delay")),
    # a docstring before the first step
    ("                await asyncio.sleep(delay)\n",
     '                """Later."""\n                await asyncio.sleep(delay)\n', DELAYED),
])
def test_any_time_that_is_not_a_constant_counts(old: str, new: str, reason: str) -> None:
    code = DELETE.read_text().replace(old, new)
    assert new in code
    assert reason in _offers(code, "delete")[1]


@pytest.mark.parametrize(("old", "new"), [
    ("await asyncio.sleep(delay)", "await asyncio.sleep(0.01)"),  # the author's short pause
    # the sleep is not its first step
    ("                await asyncio.sleep(delay)\n",
     "                self.deleted = False\n                await asyncio.sleep(delay)\n"),
])
def test_a_constant_pause_or_a_later_sleep_may_be_awaited(old: str, new: str) -> None:
    code = DELETE.read_text().replace(old, new)
    assert new in code
    kinds, reasons = _offers(code, "delete")
    assert FixKind.AWAIT in kinds
    assert not any("first sleeps" in reason for reason in reasons)


# -- a wait for a later callback -----------------------------------------------------------------
WAITS = ("waits on self.queue.get(), fed only by on_message(): awaited in open(), it would wait "
         "for a call that may come only once open() has returned")


def test_a_wait_on_what_only_another_method_feeds_is_not_awaited() -> None:
    kinds, reasons = _offers(OPEN.read_text(), "open")
    assert kinds == [FixKind.TRACKED_SET]
    assert f"handle() {WAITS}" in reasons


NEXT = "    async def next_message(self) -> str:\n        return await self.queue.get()\n\n"
ON_MESSAGE = "    async def on_message("
HANDLE = ("    async def handle(self) -> None:\n"
          "        self.received.append(await self.queue.get())\n\n")


def test_a_wait_in_a_method_the_awaited_one_calls_counts() -> None:
    code = OPEN.read_text().replace("await self.queue.get()", "await self.next_message()") \
        .replace(ON_MESSAGE, NEXT + ON_MESSAGE)
    assert f"handle() (through next_message()) {WAITS}" in _offers(code, "open")[1]


def test_self_handed_to_another_objects_coroutine_counts() -> None:
    """engineio's own shape: `open()` spawns `engineio_server.handle_request(self)`, which reads the
    handler's messages through its `next_message()`; an Event fed by `set()` counts too."""
    code = OPEN.read_text().replace("asyncio.ensure_future(self.handle())",
                                    "asyncio.ensure_future(handle_request(self))") \
        .replace(HANDLE, NEXT) + (
            "\n\nasync def handle_request(handler: Handler) -> None:\n"
            "    handler.received.append(await handler.next_message())\n")
    reason = f"handle_request() is given self, whose next_message() {WAITS}"
    assert reason in _offers(code, "open")[1]
    event = code.replace("await self.queue.get()", "await self.ready.wait()") \
        .replace("await self.queue.put(message)", "self.ready.set()")
    assert ("handle_request() is given self, whose next_message() waits on self.ready.wait(), "
            "fed only by on_message(): awaited in open()") in " ".join(_offers(event, "open")[1])


@pytest.mark.parametrize(("old", "new"), [
    # the spawning method feeds the queue before it waits
    ("        asyncio.ensure_future(self.handle())\n",
     "        self.queue.put_nowait('first')\n        asyncio.ensure_future(self.handle())\n"),
    # so does __init__, which runs before any method
    ("        self.received: \"list[str]\" = []\n",
     "        self.received: \"list[str]\" = []\n        self.queue.put_nowait('first')\n"),
    # the awaited method feeds it itself, then waits in a method it calls
    (HANDLE, "    async def handle(self) -> None:\n        await self.queue.put('first')\n"
             "        self.received.append(await self.next_message())\n\n" + NEXT),
])
def test_a_queue_fed_before_the_wait_may_be_awaited(old: str, new: str) -> None:
    code = OPEN.read_text().replace(old, new)
    assert new in code
    kinds, reasons = _offers(code, "open")
    assert FixKind.AWAIT in kinds
    assert not any("fed only by" in reason for reason in reasons)

"""Guards: what keeps a spawn from replacing a live task (`analysis/obligations/guards.py`)."""

from __future__ import annotations

import textwrap

import pytest

from taskleak.analysis.analyse import analyse_source


def guard_of(code: str) -> str:
    analysis = analyse_source(textwrap.dedent(code))
    (fates,) = analysis.fates
    return fates[0].guard


HEAD = """
import asyncio
class Poller:
    def __init__(self):
        self._started = False
        self._task = None
"""


@pytest.mark.parametrize(("body", "expected"), [
    ("if self._task is None:\n    self._task = asyncio.create_task(run())",
     "`if self._task is None`"),
    ("if self._task is None or self._task.done():\n    self._task = asyncio.create_task(run())",
     "`if self._task is None or self._task.done()`"),
    ("if self._task and not self._task.done():\n    return\n"
     "self._task = asyncio.create_task(run())",
     "`if self._task and not self._task.done(): return`"),
    ("if self._started:\n    return\nself._started = True\n"
     "self._task = asyncio.create_task(run())",
     "`if self._started: return` (self._started is set once, never reset)"),
    # the test asks whether a task is there, and spawns when it is: no guard
    ("if self._task:\n    self._task = asyncio.create_task(run())", ""),
    ("if self._task is not None:\n    self._task = asyncio.create_task(run())", ""),
    # a flag the spawn's function does not set is no started flag
    ("if self._started:\n    return\nself._task = asyncio.create_task(run())", ""),
    # an earlier `if` that does not leave the function guards nothing
    ("if self._task is not None:\n    log(self._task)\nself._task = asyncio.create_task(run())",
     ""),
])
def test_guard_tests(body: str, expected: str) -> None:
    code = HEAD + "    async def on_message(self):\n" + textwrap.indent(body, " " * 8) + "\n"
    assert guard_of(code) == expected


def test_a_flag_reset_elsewhere_is_no_guard() -> None:
    code = HEAD + textwrap.indent(textwrap.dedent("""
        async def on_message(self):
            if self._started:
                return
            self._started = True
            self._task = asyncio.create_task(run())
        def stop(self):
            self._started = False
    """), "    ")
    assert guard_of(code) == ""


def test_a_global_flag_set_once() -> None:
    assert guard_of("""
        import asyncio
        _started = False
        _task = None
        def start():
            global _started, _task
            if _started:
                return
            _started = True
            _task = asyncio.create_task(run())
    """) == "`if _started: return` (_started is set once, never reset)"


@pytest.mark.parametrize(("test", "expected"), [
    ('if not hasattr(self, "_task"):', '`if not hasattr(self, "_task")`'),
    ('if getattr(self, "_task", None) is None:', '`if getattr(self, "_task", None) is None`'),
    ('if hasattr(self, "_task"):', ""),
])
def test_attribute_probes_guard(test: str, expected: str) -> None:
    code = HEAD + "    async def on_message(self):\n        " + test + \
        "\n            self._task = asyncio.create_task(run())\n"
    assert guard_of(code) == expected

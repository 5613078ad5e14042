"""What each method of a class ends, stores and calls on `self`, as another module's judgement
reads it (`analysis/summaries/method_ends.py`): the same ends the module's own judgement finds."""

from __future__ import annotations

import textwrap

import libcst as cst

from taskleak.analysis.summaries.method_ends import method_effects
from taskleak.analysis.tree.scan import scan
from taskleak.analysis.tree.scopes import ScopeKind

CODE = textwrap.dedent("""
    class Runtime:
        async def start(self):
            self._reader = spawn(self._read())
            self._stderr = spawn(self._drain())

        async def stop(self):
            for task in (self._reader, self._stderr):
                if task:
                    task.cancel()
            await self.transport.stop()

        async def detach(self):
            task, self._reader = self._reader, None
            task.cancel()

        async def log(self):
            for task in (self._reader, self._stderr):
                print(task)
    """)


def effects() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    root = scan(cst.parse_module(CODE))
    cls = next(s for s in root.walk() if s.kind is ScopeKind.CLASS)
    return {m: (ends, stores, calls) for m, ends, stores, calls in method_effects(cls)}


def test_an_end_through_a_loop_over_a_display_of_attributes() -> None:
    assert effects()["stop"][0] == ("_reader", "_stderr")


def test_an_end_through_a_local_and_a_loop_that_ends_nothing() -> None:
    found = effects()
    assert found["detach"][0] == ("_reader",)
    assert "log" not in found  # it reads them, ends none

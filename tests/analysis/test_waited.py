"""How a read waits for a task is a fact of its `Dest` (`Waited`, `done_checked`), which the
ownership analysis and the races read; `Dest.callee` only words it. Each form, and what the
effects make of it: an asyncio Task's `.result()` read where it is done ends it without waiting,
one read under a `done()` check ends nothing, a concurrent Future's blocks (a wait)."""

from __future__ import annotations

import textwrap

import pytest

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.facts.fates import FateKind
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.tree.dests import Dest, Flow, Waited
from taskleak.analysis.tree.parse import parse_module
from taskleak.analysis.tree.scan import scan


def _awaited_reads(code: str) -> list[tuple[str, Dest]]:
    root = scan(parse_module(textwrap.dedent(code)))
    return [(o.key, o.dest) for s in root.walk() for o in s.occurrences
            if o.dest.kind is Flow.AWAITED]


@pytest.mark.parametrize(("line", "waited", "checked"), [
    ("await t", Waited.AWAIT, False),
    ("t.result()", Waited.RESULT, False),
    ("t.result(None)", Waited.RESULT, False),
    ("t.result(5)", Waited.TIMED_RESULT, False),
    ("t.result(timeout=5)", Waited.TIMED_RESULT, False),
    ("if t.done(): t.result()", Waited.RESULT, True),
    ("return t.__await__()", Waited.DELEGATED, False),
])
def test_each_wait_is_a_fact(line: str, waited: Waited, checked: bool) -> None:
    reads = _awaited_reads(f"async def f(t):\n    {line}\n")
    assert [(k, d.waited, d.done_checked) for k, d in reads] == [("t", waited, checked)]


def test_a_poll_until_done_is_a_wait() -> None:
    reads = _awaited_reads("""
        import asyncio
        async def f(t):
            while not t.done():
                await asyncio.sleep(1)
    """)
    assert [(k, d.waited) for k, d in reads] == [("t", Waited.POLLED)]


def test_the_effects_keep_one_wait_per_place() -> None:
    eff = Effects()
    eff.awaited("stop() (a blocking .result())", Waited.RESULT)
    eff.awaited("close()", Waited.AWAIT)
    more = Effects()
    more.awaited("run()", Waited.TIMED_RESULT)
    eff.add_ends(more)
    assert len(eff.awaits) == len(eff.await_waits) == 3
    assert eff.await_waits == [Waited.RESULT, Waited.AWAIT, Waited.TIMED_RESULT]


def _kind(code: str) -> FateKind:
    return analyse_source(textwrap.dedent(code)).fates[0][0].kind


def test_a_tasks_result_read_where_it_is_done_ends_it() -> None:
    """Read unconditionally, an asyncio Task's `.result()` says it is done there (or fails
    loudly); read only under a `done()` check it ends nothing: the task is never ended."""
    done = """
        import asyncio
        class C:
            def start(self):
                self._t = asyncio.create_task(work())
            def stop(self):
                {read}
    """
    assert _kind(done.format(read="return self._t.result()")) is FateKind.KEPT_CLEANED
    assert _kind(done.format(read="if self._t.done(): return self._t.result()")) \
        is FateKind.NEVER_CLEANED

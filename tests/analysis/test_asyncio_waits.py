"""Which calls are asyncio's waits, by the callee the imports resolve
(`analysis/names/asyncio_waits.py`), never by its last name: a read the scan took for a wait
whose callee is something else becomes a hand-off to it."""

from __future__ import annotations

import textwrap

import libcst as cst

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.names.asyncio_waits import raises_only_a_cancel, suppressing
from taskleak.analysis.tree.dests import Flow


def _kinds(code: str) -> dict[str, Flow]:
    """The kind of each read of a local named `task`, by the callee text of its call."""
    analysis = analyse_source(textwrap.dedent(code))
    return {o.dest.callee: o.dest.kind for s in analysis.root.walk() for o in s.occurrences
            if o.key == "task" and o.dest.callee}


def test_asyncios_waits_under_any_import_are_waits() -> None:
    kinds = _kinds("""
        import asyncio
        import asyncio as aio
        from asyncio import wait, gather as collect
        import concurrent.futures

        async def run(work, loop):
            task = asyncio.create_task(work())
            await asyncio.gather(task)
            await aio.wait_for(task, 1)
            await wait([task])
            await collect(task)
            assembled = asyncio.gather
            await assembled(task)
            concurrent.futures.wait([task])
            asyncio.get_event_loop().run_until_complete(task)
    """)
    assert set(kinds.values()) == {Flow.GATHERED}
    assert len(kinds) == 7


def test_a_callee_that_is_no_wait_is_a_hand_off() -> None:
    kinds = _kinds("""
        import asyncio

        class Batch:
            def gather(self, task):
                pass

            async def run(self, work, pool, runner):
                task = asyncio.create_task(work())
                self.gather(task)
                await pool.wait([task])
                runner.loop.run_until_complete(task)
    """)
    assert kinds == {"self.gather": Flow.PASSED, "pool.wait": Flow.PASSED,
                     "runner.loop.run_until_complete": Flow.PASSED}


def test_only_contextlibs_suppress_lets_the_code_after_a_timed_race_run() -> None:
    analysis = analyse_source(textwrap.dedent("""
        import contextlib
        from contextlib import suppress
        from mylib import suppress as quiet

        async def run():
            with contextlib.suppress(TimeoutError):
                pass
            with suppress(TimeoutError):
                pass
            with quiet(TimeoutError):
                pass
    """))
    fn = next(s for s in analysis.root.walk() if s.name == "run")
    assert isinstance(fn.node, cst.FunctionDef)
    withs = tuple(s for s in fn.node.body.body if isinstance(s, cst.With))
    assert suppressing(withs, fn, analysis.resolver) == frozenset(id(w) for w in withs[:2])


def test_only_asyncios_sleep_and_a_wait_of_listed_tasks_raise_only_a_cancellation() -> None:
    analysis = analyse_source(textwrap.dedent("""
        import asyncio
        from asyncio import sleep as nap
        from mylib import wait

        async def run(a, b, tasks):
            await asyncio.sleep(1)
            await nap(1)
            done, pending = await asyncio.wait([a, b.task], return_when=asyncio.FIRST_COMPLETED)
            await asyncio.wait(tasks)
            await asyncio.wait([])
            await asyncio.wait([work()])
            await wait([a])
            await asyncio.wait_for(a, 1)
            await asyncio.gather(a, b)
            await asyncio.sleep(1); raise ValueError
    """))
    fn = next(s for s in analysis.root.walk() if s.name == "run")
    assert isinstance(fn.node, cst.FunctionDef)
    lines = [s.body[0] for s in fn.node.body.body if isinstance(s, cst.SimpleStatementLine)]
    only = [raises_only_a_cancel(small, fn, analysis.resolver) for small in lines]
    # the last line's `raise` is a small statement of its own: the `sleep` before it is alone
    assert only == [True, True, True, False, False, False, False, False, False, True]
